import { newPreAuthCode } from '../../ids.js';
import type { Db } from '../../store/index.js';
import { findPreAuthCode, insertPreAuthCode, markPreAuthCodeUsed } from './store.js';

/** A pre_auth_code is good for 600 s and one authorization (docs/tokens.md §5.3). */
export const PRE_AUTH_CODE_LIFETIME_MS = 600 * 1000;

export async function issuePreAuthCode(db: Db, componentAppid: string, now: number): Promise<string> {
  const code = newPreAuthCode();
  await insertPreAuthCode(db, code, componentAppid, now + PRE_AUTH_CODE_LIFETIME_MS);
  return code;
}

/** Why the authorization page refuses a pre_auth_code, or null when it may be used. */
export async function preAuthCodeProblem(
  db: Db,
  componentAppid: string,
  code: string,
  now: number,
): Promise<string | null> {
  const row = await findPreAuthCode(db, code);
  if (!row || row.component_appid !== componentAppid)
    return 'The pre_auth_code is not valid for this platform.';
  if (row.used_at !== null) return 'The pre_auth_code has already been used.';
  if (now >= row.expires_at) return 'The pre_auth_code has expired.';
  return null;
}

export const consumePreAuthCode = markPreAuthCodeUsed;
