import type { ErrCode } from '@wxlocal/api';
import type { EndpointName, ErrCodes } from './catalogue.generated.js';

/** Any errcode: the catalogue's codes are offered by name completion, and unknown ones still fit. */
export type AnyErrCode = ErrCode | (number & Record<never, never>);

/** The codes one endpoint may answer, -1 and 45009 included (e.g. `ErrCodeOf<'setSearchStatus'>`). */
export type ErrCodeOf<N extends EndpointName> = ErrCodes[N];

/** The codes after which a token is dropped and the call retried once (docs/wire-protocol.md §9). */
export const TOKEN_ERRCODES: readonly number[] = [40001, 40014, 42001];

/** A WeChat answer with a non-zero errcode; `isWeChatError(error, 85083)` narrows `errcode` to the codes given. */
export class WeChatError<C extends AnyErrCode = AnyErrCode> extends Error {
  override readonly name = 'WeChatError';
  readonly errcode: C;
  /** The errmsg without its ` rid: ` suffix (empty for the codes WeChat sends without text). */
  readonly errmsg: string;
  /** The request id WeChat appended, for its support and its rid look-up. */
  readonly rid: string | undefined;
  /** WeChat's interface name, e.g. setSearchStatus. */
  readonly endpoint: string;
  /** Fields sent beside errcode and errmsg on some errors (the rejected lists of modify_domain). */
  readonly payload: Record<string, unknown>;

  constructor(endpoint: string, body: { errcode: C; errmsg?: unknown } & Record<string, unknown>) {
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

/**
 * No WeChat answer: `kind` is `timeout` (none within the time limit), `network` (no connection, or it dropped)
 * or `http` (a reply that is not WeChat's JSON, e.g. a gateway's 502, with its `status`).
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly endpoint: string;
  readonly kind: 'timeout' | 'network' | 'http';
  /** The HTTP status, when there was a reply. */
  readonly status: number | undefined;
  /** The reply's Retry-After header, when it had one. */
  readonly retryAfter: string | undefined;

  constructor(
    endpoint: string,
    message: string,
    details: { kind: HttpError['kind']; status?: number; retryAfter?: string | undefined; cause?: unknown },
  ) {
    super(`${endpoint}: ${message}`, { cause: details.cause });
    this.endpoint = endpoint;
    this.kind = details.kind;
    this.status = details.status;
    this.retryAfter = details.retryAfter;
  }
}

/** Raised when a token cannot be fetched because a credential it needs was never stored. */
export class MissingCredentialError extends Error {
  override readonly name = 'MissingCredentialError';
}

/** True for a WeChatError, and when codes are given, for one with one of them: `errcode` is then narrowed to them. */
export function isWeChatError<const C extends AnyErrCode = AnyErrCode>(
  error: unknown,
  ...codes: C[]
): error is WeChatError<C> {
  return error instanceof WeChatError && (codes.length === 0 || codes.includes(error.errcode as C));
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
