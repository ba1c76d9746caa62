import type { ErrCode } from '@wxlocal/api';

/**
 * A WeChat business error: the envelope, errmsg text and rid are added in one place (src/http/respond.ts).
 * It is an answer, not a fault, so it carries no stack trace: capturing one cost more than the rest of a
 * refused call.
 */
export class WxError extends Error {
  constructor(
    readonly errcode: ErrCode,
    readonly params: Record<string, string> = {},
    /** Fields sent after errcode/errmsg; almost every error has none (docs/wire-protocol.md §3). */
    readonly payload: Record<string, unknown> = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`wechat error ${errcode}`);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

export function fail(errcode: ErrCode, params?: Record<string, string>): never {
  throw new WxError(errcode, params);
}

/** An error whose body carries fields besides errcode/errmsg (e.g. modify_domain's 85301–85303). */
export function failWithPayload(errcode: ErrCode, payload: Record<string, unknown>): never {
  throw new WxError(errcode, {}, payload);
}
