import type { ErrCode } from '@wxlocal/api';

/** A WeChat business error: the envelope, errmsg text and rid are added in one place (respond.ts). */
export class WxError extends Error {
  constructor(
    readonly errcode: ErrCode,
    readonly params: Record<string, string> = {},
  ) {
    super(`wechat error ${errcode}`);
  }
}

export function fail(errcode: ErrCode, params?: Record<string, string>): never {
  throw new WxError(errcode, params);
}
