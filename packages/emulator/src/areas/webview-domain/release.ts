import type { ReleaseHook } from '../index.js';
import { jumpDomainPoolFor } from '../server-domain/pool.js';
import { componentDeveloping } from '../tokens/authorizations.js';
import { coveredByPool } from './legacy.js';
import { hostOfEntry, saveWebviewDomains, union, webviewDomainsOf } from './lists.js';

/**
 * A release puts the business domains in force (webview-domain.md §2.1): the third-party list, less what left
 * the component's jump-domain pool (or the MP's own list when there is no third-party list), plus the direct
 * list. The MP's own list becomes what is in force.
 */
export const releaseWebviewDomains: ReleaseHook = async (db, miniProgram) => {
  const lists = await webviewDomainsOf(db, miniProgram.appid);
  const component = await componentDeveloping(db, miniProgram.appid);
  const pool = component ? await jumpDomainPoolFor(db, component, miniProgram.appid) : [];
  const base =
    lists.third.length > 0
      ? lists.third.filter((entry) => coveredByPool(hostOfEntry(entry) ?? '', pool))
      : lists.mp;
  const effective = union(base, lists.direct);
  await saveWebviewDomains(db, miniProgram.appid, { ...lists, mp: effective, effective });
};
