import type { AnsweredCall, ErrorAnswer } from '../../core/index.js';
import type { Db } from '../../store/index.js';
import { findAccount, findPlatform } from '../accounts/store.js';
import { tokenHolder } from '../tokens/index.js';
import { insertRid, pruneRidRows } from './store.js';

/**
 * The rid store (docs/quota.md §4): every error answer, with what rid/get returns and whose call it was, kept
 * 7 emulated days and at most `RID_ROWS` rows; bodies are cut at `RID_BODY_CHARS`.
 */
export const RID_KEPT_MS = 7 * 24 * 3600 * 1000;
export const RID_ROWS = 100_000;
export const RID_BODY_CHARS = 64 * 1024;

/** Stores an error answer under its rid, owned by the account whose call it was (or nobody). */
export async function keepRid(db: Db, answer: ErrorAnswer, call: AnsweredCall): Promise<void> {
  await insertRid(db, {
    rid: answer.rid,
    owner: await ownerOf(db, call),
    invoke_time: answer.invokeTime,
    cost_in_ms: answer.costMs,
    request_url: answer.requestUrl,
    request_body: answer.requestBody.slice(0, RID_BODY_CHARS),
    response_body: answer.responseBody.slice(0, RID_BODY_CHARS),
    client_ip: answer.clientIp,
  });
}

/**
 * Whose call it was: the holder of its token, or the account a tokenless call names; nobody when neither
 * is known (an unknown token or appid).
 */
async function ownerOf(db: Db, { endpoint, query, fields }: AnsweredCall): Promise<string | null> {
  if (endpoint.token !== 'none') return tokenHolder(db, endpoint, query);
  const named = { ...fields, ...query };
  const appid = endpoint.path.startsWith('/cgi-bin/component/') ? named.component_appid : named.appid;
  if (typeof appid !== 'string' || appid === '') return null;
  const known = (await findPlatform(db, appid)) ?? (await findAccount(db, appid));
  return known ? appid : null;
}

export { findRid } from './store.js';

/** Drops up to `limit` rids older than 7 days or beyond the newest `RID_ROWS`; how many went. */
export function pruneRids(db: Db, now: number, limit: number): Promise<number> {
  return pruneRidRows(db, Math.floor((now - RID_KEPT_MS) / 1000), RID_ROWS, limit);
}
