import {
  type EndpointDef,
  type EndpointName,
  endpoints,
  type RequestOf,
  type ResponseOf,
} from '@wxlocal/api';
import { HttpError, WeChatError } from './errors.js';
import type { Logger } from './log.js';

export interface RetryOptions {
  /** How many times a call answered with errcode -1 (system busy) is tried again. */
  retries: number;
  /** The first pause; each later one doubles. */
  delayMs: number;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryOptions;
  logger?: Logger | undefined;
}

/** A token and the query parameter that carries it (docs/wire-protocol.md §5.1). */
export interface TokenParam {
  name: 'component_access_token' | 'access_token';
  value: string;
}

type Json = Record<string, unknown>;

/** One WeChat call over fetch: URL, body, timeout, envelope, and the bounded retry of errcode -1. */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  send<N extends EndpointName>(name: N, request: RequestOf<N>, token?: TokenParam): Promise<ResponseOf<N>> {
    return this.call(endpoints[name], request, token) as Promise<ResponseOf<N>>;
  }

  async call(endpoint: EndpointDef, request: object, token?: TokenParam): Promise<Json> {
    const { retries, delayMs } = this.options.retry;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(endpoint, request, token, attempt);
      } catch (error) {
        // -1 is "system busy": the only answer worth repeating. Business errors would just repeat.
        if (!(error instanceof WeChatError && error.errcode === -1) || attempt >= retries) throw error;
        await sleep(delayMs * 2 ** attempt);
      }
    }
  }

  private async once(endpoint: EndpointDef, request: object, token: TokenParam | undefined, attempt: number) {
    const started = performance.now();
    const body = await this.fetchAnswer(endpoint, request, token);
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

  private async fetchAnswer(endpoint: EndpointDef, request: object, token?: TokenParam): Promise<Json> {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + endpoint.path);
    if (token) url.searchParams.set(token.name, token.value);
    const init: RequestInit = {
      method: endpoint.method,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    };
    if (endpoint.method === 'GET') {
      for (const [name, value] of Object.entries(request)) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
    } else {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(request);
    }
    let response: Response;
    let bytes: Uint8Array;
    try {
      response = await fetch(url, init);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      throw new HttpError(endpoint.name, `no answer (${(cause as Error).message})`, undefined, { cause });
    }
    // An image endpoint answers the image itself; only its errors are JSON.
    if (endpoint.envelope === 'image' && response.status === 200 && isImage(response))
      return { image: bytes };
    const text = new TextDecoder().decode(bytes);
    const json = parseObject(text);
    if (response.status !== 200 || !json) {
      throw new HttpError(
        endpoint.name,
        `unexpected reply: HTTP ${response.status} ${text.slice(0, 200)}`,
        response.status,
      );
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
