import type { AuthorizationRow, Db } from '../../store/index.js';
import { activeAuthorizationsOf } from './store.js';

/** The permission sets an authorization grants. */
export function grantedSets(row: AuthorizationRow): number[] {
  return JSON.parse(row.func_info) as number[];
}

/** `func_info` as WeChat writes it. */
export function funcInfoView(ids: number[]) {
  return ids.map((id) => ({ funcscope_category: { id } }));
}

/** The component that develops a Mini Program: the one holding its exclusive set 18, if any. */
export async function componentDeveloping(db: Db, miniProgramAppid: string): Promise<string | undefined> {
  const rows = await activeAuthorizationsOf(db, miniProgramAppid);
  return rows.find((row) => grantedSets(row).includes(18))?.component_appid;
}

/** A refresh token is good while the authorization is active: the current one, or the previous for 300 s. */
export function acceptsRefreshToken(row: AuthorizationRow, refreshToken: string, now: number): boolean {
  if (row.status !== 'active' || refreshToken === '') return false;
  if (row.refresh_token === refreshToken) return true;
  return (
    row.previous_refresh_token === refreshToken &&
    row.previous_refresh_token_until !== null &&
    now < row.previous_refresh_token_until
  );
}
