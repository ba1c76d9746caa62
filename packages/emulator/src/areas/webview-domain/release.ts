import type { AccountRow, Db } from '../../store/index.js';
import { componentDeveloping } from '../authorizations/grants.js';
import { jumpDomainPoolFor } from '../server-domain/pools.js';
import { unionEntries } from '../web/domain-entries.js';
import { businessDomainHost } from './entries.js';
import { coveredByPool } from './setwebviewdomain.js';
import { saveWebviewDomains, webviewDomainsOf } from './store.js';

/**
 * A release puts the business domains in force (docs/webview-domain.md §2.1): the third-party list, less what
 * left the component's jump-domain pool (or the MP's own list when there is no third-party list), plus the
 * direct list. The MP's own list becomes what is in force.
 */
export async function releaseWebviewDomains(db: Db, miniProgram: AccountRow): Promise<void> {
  const lists = await webviewDomainsOf(db, miniProgram.appid);
  const component = await componentDeveloping(db, miniProgram.appid);
  const pool = component ? await jumpDomainPoolFor(db, component, miniProgram.appid) : [];
  const base =
    lists.third.length > 0
      ? lists.third.filter((entry) => coveredByPool(businessDomainHost(entry) ?? '', pool))
      : lists.mp;
  const effective = unionEntries(base, lists.direct);
  await saveWebviewDomains(db, miniProgram.appid, { ...lists, mp: effective, effective });
}
