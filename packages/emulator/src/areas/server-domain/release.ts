import type { Db } from '../../store/index.js';
import type { AccountRow } from '../accounts/accounts.js';
import { grantedSets } from '../tokens/authorizations.js';
import { eachKind, hostOfEntry, KINDS, union } from './entries.js';
import { saveServerDomains, serverDomainsOf } from './lists.js';
import { serverDomainPoolFor } from './pool.js';

/**
 * A release puts the server domains in force (server-domain.md §5.6): the `third` set less the entries whose
 * host left the component's pool (or the `mp` set when `third` is empty), then the `direct` entries. The
 * `mp` set becomes what is in force.
 */
export async function releaseServerDomains(db: Db, miniProgram: AccountRow): Promise<void> {
  const sets = await serverDomainsOf(db, miniProgram.appid);
  const component = await developingComponent(db, miniProgram.appid);
  const pool = component ? await serverDomainPoolFor(db, component, miniProgram.appid) : [];
  const hasThird = KINDS.some((kind) => sets.third[kind].length > 0);
  const effective = eachKind((kind) => {
    const base = hasThird
      ? sets.third[kind].filter((entry) => pool.includes(hostOfEntry(kind, entry) ?? ''))
      : sets.mp[kind];
    return union(base, sets.direct[kind]);
  });
  await saveServerDomains(db, miniProgram.appid, { ...sets, mp: effective, effective });
}

/** The component that develops the Mini Program: the one holding its permission set 18. */
async function developingComponent(db: Db, appid: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('authorizations')
    .selectAll()
    .where('authorizer_appid', '=', appid)
    .where('status', '=', 'active')
    .execute();
  return rows.find((row) => grantedSets(row).includes(18))?.component_appid;
}
