import type { EndpointEntry } from './endpoint-entry.js';
import { HttpError, WeChatError } from './errors.js';

export interface RetryOptions {
  /** How many times a failed call is tried again. */
  retries: number;
  /** The first pause; each later one doubles, up to `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
  /** Each pause is drawn between (1 − jitter) and 1 times its size, so that many clients do not retry in step. */
  jitter: number;
  /** No retry starts once this long has passed since the first attempt. */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  delayMs: 100,
  maxDelayMs: 2000,
  jitter: 0.5,
  maxElapsedMs: 15_000,
};

/** A failed attempt: what went wrong, which attempt it was (0 first), and how long the call has taken. */
export interface Attempt {
  error: unknown;
  attempt: number;
  elapsedMs: number;
}

/** Connection errors raised before a byte of the request left: nothing reached WeChat. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Whether the call is tried again (README "Retries"): errcode -1 (WeChat did nothing) and a connection
 * never made, for every endpoint; a timeout, a dropped connection, HTTP 429 and 5xx only where repeating
 * the call is safe, since WeChat may have done it before the answer was lost. Business errcodes never, nor the
 * quota refusals 45009 and 45011: the quota stays spent until the next day or minute.
 */
export function canRetry(
  endpoint: EndpointEntry,
  request: object,
  failed: Attempt,
  options: RetryOptions,
): boolean {
  if (failed.attempt >= options.retries || failed.elapsedMs >= options.maxElapsedMs) return false;
  const { error } = failed;
  if (error instanceof WeChatError) return error.errcode === -1;
  if (!(error instanceof HttpError)) return false;
  if (error.kind === 'network' && NOT_SENT.has(errorCode(error.cause) ?? '')) return true;
  if (error.kind === 'http' && !(error.status === 429 || (error.status ?? 0) >= 500)) return false;
  return isIdempotent(endpoint, request);
}

export function isIdempotent(endpoint: EndpointEntry, request: object): boolean {
  const fields = request as { action?: unknown; force_refresh?: unknown };
  if (endpoint.idempotent === 'get') return fields.action === 'get';
  if (endpoint.idempotent === 'unforced') return fields.force_refresh !== true;
  return endpoint.idempotent;
}

/** Exponential backoff with jitter; a Retry-After in seconds (429, 503) is waited for, up to `maxDelayMs`. */
export function pauseMs(failed: Attempt, options: RetryOptions): number {
  const backoff = Math.min(options.maxDelayMs, options.delayMs * 2 ** failed.attempt);
  const drawn = backoff * (1 - options.jitter * Math.random());
  const retryAfter = failed.error instanceof HttpError ? Number(failed.error.retryAfter) * 1000 : Number.NaN;
  const wanted = Number.isFinite(retryAfter) ? Math.max(drawn, retryAfter) : drawn;
  return Math.round(Math.min(wanted, options.maxDelayMs));
}

/** The system error code of a fetch failure (undici nests it, once more for several addresses). */
function errorCode(cause: unknown): string | undefined {
  for (let error = cause; error && typeof error === 'object'; ) {
    const { code, cause: inner, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof code === 'string') return code;
    error = inner ?? errors?.[0];
  }
  return undefined;
}
