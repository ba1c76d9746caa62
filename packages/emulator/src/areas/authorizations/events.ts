import type { MessageFields } from '@wxlocal/api';
import { newPreAuthCode } from '../../ids.js';
import type { Authorized } from './authorize.js';

/**
 * The authorization events WeChat pushes (docs/tokens.md §4.2): `authorized` and `updateauthorized` carry the
 * authorization code with its expiry as a Unix timestamp and the pre_auth_code used; `unauthorized` only
 * names the account.
 */
export function authorizedEvent(
  componentAppid: string,
  authorizerAppid: string,
  result: Authorized,
  now: number,
  preAuthCode = newPreAuthCode(),
): MessageFields | null {
  if (!result.event) return null;
  return {
    AppId: componentAppid,
    CreateTime: Math.floor(now / 1000),
    InfoType: result.event,
    AuthorizerAppid: authorizerAppid,
    AuthorizationCode: result.authorizationCode,
    AuthorizationCodeExpiredTime: Math.floor(result.codeExpiresAt / 1000),
    PreAuthCode: preAuthCode,
  };
}

export function unauthorizedEvent(
  componentAppid: string,
  authorizerAppid: string,
  now: number,
): MessageFields {
  return {
    AppId: componentAppid,
    CreateTime: Math.floor(now / 1000),
    InfoType: 'unauthorized',
    AuthorizerAppid: authorizerAppid,
  };
}
