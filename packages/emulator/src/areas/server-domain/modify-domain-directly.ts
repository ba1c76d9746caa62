import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import { DOMAIN_ACTIONS } from '../web/domain-entries.js';
import { icpFiled } from '../web/verify.js';
import {
  API_HOST,
  applyChange,
  exceedsKindLimit,
  KINDS,
  requestedDomains,
  serverDomainHost,
} from './entries.js';
import { useMonthlyChange } from './pools.js';
import { inForce, saveServerDomains, serverDomainsOf } from './store.js';

export const directHandlers = {
  /**
   * modify_domain_directly (docs/server-domain.md §5.4): the `direct` set, with the ordinary Mini Program rules and
   * no pool; any failing entry fails the whole call (86100, 86101, 45082), and a no-op succeeds.
   */
  async modifyServerDomainDirectly(call) {
    const { account } = authorizerOf(call);
    const { action } = call.request;
    if (!DOMAIN_ACTIONS.includes(action)) fail(40052);
    const sets = await serverDomainsOf(call.tx, account.appid);
    if (action === 'get') return sets.direct;

    const requested = requestedDomains(call.request);
    const hosts = KINDS.flatMap((kind) => requested[kind].map((entry) => serverDomainHost(kind, entry)));
    if (hosts.includes(null)) fail(86100);
    if (hosts.includes(API_HOST)) fail(86101);
    if (action !== 'delete') {
      for (const host of hosts) if (!(await icpFiled(call.tx, host ?? ''))) fail(45082);
    }
    const direct = applyChange(action, sets.direct, requested);
    if (exceedsKindLimit(direct)) fail(85016);
    if (!(await useMonthlyChange(call.tx, account.appid, call.now))) fail(86102);
    await saveServerDomains(call.tx, account.appid, { ...sets, direct });
    return direct;
  },

  /** The four sets (docs/server-domain.md §5.5); `effective_domain` is the `mp` set until the first release. */
  async getEffectiveServerDomain(call) {
    const sets = await serverDomainsOf(call.tx, authorizerOf(call).account.appid);
    return {
      mp_domain: sets.mp,
      third_domain: sets.third,
      direct_domain: sets.direct,
      effective_domain: inForce(sets),
    };
  },
} satisfies Partial<Handlers>;
