import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import { jumpDomainPoolFor } from '../server-domain/pools.js';
import { DOMAIN_ACTIONS, hasEntry, unionEntries, withoutEntries } from '../web/domain-entries.js';
import { businessDomainHost, sameEntrySet } from './entries.js';
import { MAX_WEBVIEW_DOMAINS } from './setwebviewdomain-directly.js';
import { saveWebviewDomains, webviewDomainsOf } from './store.js';

/** The legacy endpoint also takes an empty action: every jump domain of the component is added. */
const ACTIONS = [...DOMAIN_ACTIONS, ''];

/** A host is in the pool when it is a pool domain or a sub-domain of one (pool `qq.com` allows `m.qq.com`). */
export function coveredByPool(host: string, pool: string[]): boolean {
  return pool.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export const legacyHandlers = {
  /** setwebviewdomain (docs/webview-domain.md §6): the `third` list, from the component's jump-domain pool only. */
  async modifyJumpDomain(call) {
    const { account, authorization } = authorizerOf(call);
    const { action, webviewdomain: entries } = call.request;
    if (!ACTIONS.includes(action)) fail(40052);
    if (account.personal === 1) fail(89231);
    const lists = await webviewDomainsOf(call.tx, account.appid);
    if (action === 'get') return { webviewdomain: lists.third };

    const pool = await jumpDomainPoolFor(call.tx, authorization.component_appid, account.appid);
    if (action !== 'delete' && pool.length === 0) fail(89020);
    const requested = action === '' ? pool.map((host) => `https://${host}`) : entries;
    for (const entry of requested) {
      const host = businessDomainHost(entry);
      if (action !== 'delete' && (host === null || !coveredByPool(host, pool))) fail(89021);
      if (action === 'delete' && !hasEntry(lists.third, entry)) fail(89022);
    }
    const third = nextThirdList(action, lists.third, requested);
    if (third.length > MAX_WEBVIEW_DOMAINS) fail(89029);
    if (sameEntrySet(third, lists.third)) fail(89019);
    await saveWebviewDomains(call.tx, account.appid, { ...lists, third });
    return { webviewdomain: third };
  },
} satisfies Partial<Handlers>;

function nextThirdList(action: string, third: string[], entries: string[]): string[] {
  if (action === 'delete') return withoutEntries(third, entries);
  if (action === 'set') return unionEntries([], entries);
  return unionEntries(third, entries);
}
