import { authorizerOf, type Handlers } from '../../http/handler.js';
import { fail } from '../../http/wx-error.js';
import { jumpDomainPoolFor } from '../server-domain/pool.js';
import { MAX_WEBVIEW_DOMAINS } from './direct.js';
import {
  hostOfEntry,
  includesEntry,
  sameEntries,
  saveWebviewDomains,
  union,
  webviewDomainsOf,
  without,
} from './lists.js';

const ACTIONS = ['add', 'delete', 'set', 'get', ''];

/** A host is in the pool when it is a pool domain or a sub-domain of one (pool `qq.com` allows `m.qq.com`). */
export function coveredByPool(host: string, pool: string[]): boolean {
  return pool.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export const legacyHandlers: Handlers = {
  /** setwebviewdomain (webview-domain.md §6): the `third` list, from the component's jump-domain pool only. */
  async modifyJumpDomain(call) {
    const { account, authorization } = authorizerOf(call);
    const { action, webviewdomain: entries } = call.request;
    if (!ACTIONS.includes(action)) fail(40052);
    if (account.personal === 1) fail(89231);
    const lists = await webviewDomainsOf(call.tx, account.appid);
    if (action === 'get') return { webviewdomain: lists.third };

    const pool = await jumpDomainPoolFor(call.tx, authorization.component_appid, account.appid);
    if (action !== 'delete' && pool.length === 0) fail(89020);
    // Without an action, every jump domain of the component is added.
    const requested = action === '' ? pool.map((host) => `https://${host}`) : entries;
    for (const entry of requested) {
      const host = hostOfEntry(entry);
      if (action !== 'delete' && (host === null || !coveredByPool(host, pool))) fail(89021);
      if (action === 'delete' && !includesEntry(lists.third, entry)) fail(89022);
    }
    const third = nextThirdList(action, lists.third, requested);
    if (third.length > MAX_WEBVIEW_DOMAINS) fail(89029);
    if (sameEntries(third, lists.third)) fail(89019);
    await saveWebviewDomains(call.tx, account.appid, { ...lists, third });
    return { webviewdomain: third };
  },
};

function nextThirdList(action: string, third: string[], entries: string[]): string[] {
  if (action === 'delete') return without(third, entries);
  if (action === 'set') return union([], entries);
  return union(third, entries);
}
