import { fail } from '../../core/index.js';
import type { AccountRow, Db, PlatformRow } from '../../store/index.js';
import { findAccount, findPlatform } from '../accounts/store.js';

export type Identity = { platform: PlatformRow } | { account: AccountRow };

/** Whose appid this is: a component (platform) or an account; unknown → 40013. */
export async function identify(db: Db, appid: string): Promise<Identity> {
  const platform = await findPlatform(db, appid);
  if (platform) return { platform };
  const account = await findAccount(db, appid);
  if (account) return { account };
  return fail(40013);
}

/** Body rule of component endpoints: `component_appid` present (41018) and the token's own (40013). */
export function checkComponentAppid(componentAppid: string, callerAppid: string): void {
  if (componentAppid === '') fail(41018);
  if (componentAppid !== callerAppid) fail(40013);
}
