import type { EndpointName, Endpoints, ErrCode } from '@wxlocal/api';

/** Any errcode: the catalogue's codes are offered by name completion, and unknown ones still fit. */
export type AnyErrCode = ErrCode | (number & Record<never, never>);

/** The codes the catalogue lists for one endpoint. */
export type ErrCodeOf<N extends EndpointName> = Endpoints[N]['errcodes'][number];

/** The codes after which a token is dropped and the call retried once (docs/wire-protocol.md §9). */
export const TOKEN_ERRCODES: readonly number[] = [40001, 40014, 42001];

/** A WeChat answer with a non-zero errcode. */
export class WeChatError extends Error {
  override readonly name = 'WeChatError';
  readonly errcode: AnyErrCode;
  /** The errmsg without its ` rid: ` suffix (empty for the codes WeChat sends without text). */
  readonly errmsg: string;
  /** The request id WeChat appended, for its support and its rid look-up. */
  readonly rid: string | undefined;
  /** WeChat's interface name, e.g. setSearchStatus. */
  readonly endpoint: string;
  /** Fields sent beside errcode and errmsg on some errors (the rejected lists of modify_domain). */
  readonly payload: Record<string, unknown>;

  constructor(endpoint: string, body: { errcode: number; errmsg?: unknown } & Record<string, unknown>) {
    const { errcode, errmsg = '', ...payload } = body;
    const { base, rid } = splitRid(String(errmsg));
    super(`${endpoint} failed: ${errcode} ${base}${rid ? ` (rid ${rid})` : ''}`);
    this.errcode = errcode;
    this.errmsg = base;
    this.rid = rid;
    this.endpoint = endpoint;
    this.payload = payload;
  }
}

/** No WeChat answer: a timeout, a network failure, or a reply that is not WeChat's JSON. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly endpoint: string,
    message: string,
    /** The HTTP status, when there was a reply. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(`${endpoint}: ${message}`, options);
  }
}

/** Raised when a token cannot be fetched because a credential it needs was never stored. */
export class MissingCredentialError extends Error {
  override readonly name = 'MissingCredentialError';
}

/** True for a WeChatError, and when codes are given, for one with one of them. */
export function isWeChatError(error: unknown, ...codes: AnyErrCode[]): error is WeChatError {
  return error instanceof WeChatError && (codes.length === 0 || codes.includes(error.errcode));
}

export function isTokenError(error: unknown): error is WeChatError {
  return error instanceof WeChatError && TOKEN_ERRCODES.includes(error.errcode);
}

/** Splits `"<base> rid: <rid>"` (docs/wire-protocol.md §4.1); the base may be empty. */
export function splitRid(errmsg: string): { base: string; rid: string | undefined } {
  const at = errmsg.lastIndexOf(' rid: ');
  if (at < 0) return { base: errmsg, rid: undefined };
  return { base: errmsg.slice(0, at), rid: errmsg.slice(at + ' rid: '.length) || undefined };
}
