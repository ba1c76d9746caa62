import { authorizerOf, type Handlers } from '../../http/handler.js';
import { fail } from '../../http/wx-error.js';
import { consumeQuota } from '../../quota.js';
import {
  ACTIONS,
  API_HOST,
  applyChange,
  exceedsKindLimit,
  hostOfEntry,
  KINDS,
  requestedDomains,
} from './entries.js';
import {
  inForce,
  monthlyChangesKey,
  SERVER_DOMAIN_CHANGES_PER_MONTH,
  saveServerDomains,
  serverDomainsOf,
} from './lists.js';

export const directHandlers: Handlers = {
  /**
   * modify_domain_directly (server-domain.md §5.4): the `direct` set, with the ordinary Mini Program rules and
   * no pool; any failing entry fails the whole call (86100, 86101, 45082), and a no-op succeeds.
   */
  async modifyServerDomainDirectly(call) {
    const { account } = authorizerOf(call);
    const { action } = call.request;
    if (!ACTIONS.includes(action)) fail(40052);
    const sets = await serverDomainsOf(call.tx, account.appid);
    if (action === 'get') return sets.direct;

    const requested = requestedDomains(call.request);
    const hosts = KINDS.flatMap((kind) => requested[kind].map((entry) => hostOfEntry(kind, entry)));
    if (hosts.includes(null)) fail(86100);
    if (hosts.includes(API_HOST)) fail(86101);
    if (action !== 'delete') {
      for (const host of hosts) if (!(await call.web.icpFiled(call.tx, host ?? ''))) fail(45082);
    }
    const direct = applyChange(action, sets.direct, requested);
    if (exceedsKindLimit(direct)) fail(85016);
    const quotaKey = monthlyChangesKey(account.appid, call.now);
    if (!(await consumeQuota(call.tx, quotaKey, SERVER_DOMAIN_CHANGES_PER_MONTH))) fail(86102);
    await saveServerDomains(call.tx, account.appid, { ...sets, direct });
    return direct;
  },

  /** The four sets (§5.5); `effective_domain` is the `mp` set until the first release. */
  async getEffectiveServerDomain(call) {
    const sets = await serverDomainsOf(call.tx, authorizerOf(call).account.appid);
    return {
      mp_domain: sets.mp,
      third_domain: sets.third,
      direct_domain: sets.direct,
      effective_domain: inForce(sets),
    };
  },
};
