/** Per-call options of every method and of `client.call`. */
export interface CallOptions {
  /** Aborts the call, its retries and the pauses between them. */
  signal?: AbortSignal;
  /** Each attempt's time limit in milliseconds; the client's `timeoutMs` by default. */
  timeoutMs?: number;
}
