import type { CallOptions } from './call-options.js';
import type { EndpointName, Requests, Responses } from './catalogue.generated.js';
import { endpointTable } from './catalogue.generated.js';
import type { EndpointEntry } from './endpoint-entry.js';
import { HttpError, WeChatError } from './errors.js';
import type { Logger } from './log.js';
import { type Attempt, canRetry, pauseMs, type RetryOptions } from './retry.js';

export interface Hooks {
  /** Before each attempt: may add headers or query parameters (tracing, a gateway's key). */
  beforeRequest?: (request: { endpoint: string; url: URL; init: RequestInit; attempt: number }) => unknown;
  /** After each attempt that got an HTTP answer; `body` is its JSON, when it was JSON. */
  afterResponse?: (response: {
    endpoint: string;
    url: URL;
    status: number;
    body: Record<string, unknown> | undefined;
    attempt: number;
    ms: number;
  }) => unknown;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryOptions;
  fetch: typeof fetch;
  hooks: Hooks;
  logger?: Logger | undefined;
}

/** A token and the query parameter that carries it (docs/wire-protocol.md §5.1). */
export interface TokenParam {
  name: 'component_access_token' | 'access_token';
  value: string;
}

type Json = Record<string, unknown>;

/** One WeChat call over fetch: URL, body, time limit, envelope, and the retries of retry.ts. */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  send<N extends EndpointName>(
    name: N,
    request: Requests[N],
    token?: TokenParam,
    options?: CallOptions,
  ): Promise<Responses[N]> {
    return this.call(endpointTable[name], request, token, options) as Promise<Responses[N]>;
  }

  async call(endpoint: EndpointEntry, request: object, token?: TokenParam, options: CallOptions = {}) {
    const { retry, logger } = this.options;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(endpoint, request, token, attempt, options);
      } catch (error) {
        const failed: Attempt = { error, attempt, elapsedMs: Date.now() - started };
        if (options.signal?.aborted || !canRetry(endpoint, request, failed, retry)) throw error;
        const delayMs = pauseMs(failed, retry);
        logger?.({
          type: 'retry',
          endpoint: endpoint.name,
          attempt: attempt + 1,
          delayMs,
          reason: reasonOf(error),
        });
        await sleep(delayMs, options.signal);
      }
    }
  }

  private async once(
    endpoint: EndpointEntry,
    request: object,
    token: TokenParam | undefined,
    attempt: number,
    options: CallOptions,
  ): Promise<Json> {
    const started = performance.now();
    const body = await this.fetchAnswer(endpoint, request, token, attempt, options);
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
    const error = errcode === 0 ? undefined : new WeChatError(endpoint.name, { ...body, errcode });
    this.options.logger?.({
      type: 'request',
      endpoint: endpoint.name,
      errcode,
      ...(error?.rid ? { rid: error.rid } : {}),
      ms: Math.round(performance.now() - started),
      attempt,
    });
    if (error) throw error;
    return payloadOf(body);
  }

  private async fetchAnswer(
    endpoint: EndpointEntry,
    request: object,
    token: TokenParam | undefined,
    attempt: number,
    options: CallOptions,
  ): Promise<Json> {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + endpoint.path);
    if (token) url.searchParams.set(token.name, token.value);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const init: RequestInit = {
      method: endpoint.method,
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    };
    if (endpoint.method === 'GET') {
      for (const [name, value] of Object.entries(request)) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
    } else {
      // Also where WeChat reads the query first (clear_quota/v2): a JSON body fills the query's gaps, and keeps
      // a secret out of URLs and logs.
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(request);
    }
    await this.options.hooks.beforeRequest?.({ endpoint: endpoint.name, url, init, attempt });
    const started = performance.now();
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await this.options.fetch(url, init);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) {
        throw new HttpError(endpoint.name, `no answer within ${timeoutMs} ms`, { kind: 'timeout', cause });
      }
      throw new HttpError(endpoint.name, `no answer (${(cause as Error).message})`, {
        kind: 'network',
        cause,
      });
    }
    // An image endpoint answers the image itself; only its errors are JSON.
    const image = endpoint.envelope === 'image' && response.status === 200 && isImage(response);
    const text = image ? '' : new TextDecoder().decode(bytes);
    const json = image ? { image: bytes } : parseObject(text);
    const ms = Math.round(performance.now() - started);
    await this.options.hooks.afterResponse?.({
      endpoint: endpoint.name,
      url,
      status: response.status,
      body: image ? undefined : json,
      attempt,
      ms,
    });
    if (response.status !== 200 || !json) {
      throw new HttpError(endpoint.name, `unexpected reply: HTTP ${response.status} ${text.slice(0, 200)}`, {
        kind: 'http',
        status: response.status,
        retryAfter: response.headers.get('retry-after') ?? undefined,
      });
    }
    return json;
  }
}

/** Business answers carry errcode 0 and errmsg beside the payload; the caller gets the payload alone. */
function payloadOf(body: Json): Json {
  const { errcode: _errcode, errmsg: _errmsg, ...payload } = body;
  return payload;
}

function parseObject(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function isImage(response: Response): boolean {
  return response.headers.get('content-type')?.startsWith('image/') === true;
}

function reasonOf(error: unknown): string {
  if (error instanceof WeChatError) return `errcode ${error.errcode}`;
  if (error instanceof HttpError) return error.kind === 'http' ? `HTTP ${error.status}` : error.kind;
  return String(error);
}

/** A pause the caller's signal cuts short (rejecting with its reason). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
