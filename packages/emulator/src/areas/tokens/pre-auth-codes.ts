import { newPreAuthCode } from '../../ids.js';
import type { Db } from '../../store/index.js';

/** A pre_auth_code is good for 600 s and one authorization (tokens.md §5.3). */
export const PRE_AUTH_CODE_LIFETIME_MS = 600 * 1000;

export async function issuePreAuthCode(db: Db, componentAppid: string, now: number): Promise<string> {
  const code = newPreAuthCode();
  await db
    .insertInto('pre_auth_codes')
    .values({
      code,
      component_appid: componentAppid,
      expires_at: now + PRE_AUTH_CODE_LIFETIME_MS,
      used_at: null,
    })
    .execute();
  return code;
}

/** Why the authorization page refuses a pre_auth_code, or null when it may be used. */
export async function preAuthCodeProblem(
  db: Db,
  componentAppid: string,
  code: string,
  now: number,
): Promise<string | null> {
  const row = await db.selectFrom('pre_auth_codes').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row || row.component_appid !== componentAppid)
    return 'The pre_auth_code is not valid for this platform.';
  if (row.used_at !== null) return 'The pre_auth_code has already been used.';
  if (now >= row.expires_at) return 'The pre_auth_code has expired.';
  return null;
}

export async function consumePreAuthCode(db: Db, code: string, now: number): Promise<void> {
  await db.updateTable('pre_auth_codes').set({ used_at: now }).where('code', '=', code).execute();
}
