import type { AccountRow, Db } from '../../store/index.js';
import { componentDeveloping } from '../authorizations/grants.js';
import { eachKind, KINDS, serverDomainHost, withServerEntries } from './entries.js';
import { serverDomainPoolFor } from './pools.js';
import { saveServerDomains, serverDomainsOf } from './store.js';

/**
 * A release puts the server domains in force (docs/server-domain.md §5.6): the `third` set less the entries
 * whose host left the component's pool (or the `mp` set when `third` is empty), then the `direct` entries. The
 * `mp` set becomes what is in force.
 */
export async function releaseServerDomains(db: Db, miniProgram: AccountRow): Promise<void> {
  const sets = await serverDomainsOf(db, miniProgram.appid);
  const component = await componentDeveloping(db, miniProgram.appid);
  const pool = component ? await serverDomainPoolFor(db, component, miniProgram.appid) : [];
  const hasThird = KINDS.some((kind) => sets.third[kind].length > 0);
  const effective = eachKind((kind) => {
    const base = hasThird
      ? sets.third[kind].filter((entry) => pool.includes(serverDomainHost(kind, entry) ?? ''))
      : sets.mp[kind];
    return withServerEntries(base, sets.direct[kind]);
  });
  await saveServerDomains(db, miniProgram.appid, { ...sets, mp: effective, effective });
}
