import { ControlError, type ControlHandlers } from '../../core/index.js';
import { requireMiniProgram, requirePlatform } from '../accounts/control.js';
import { API_HOST, eachKind, KINDS, serverDomainHost, withServerEntries } from './entries.js';
import { domainPoolOf } from './pools.js';
import { inForce, type ServerDomainSets, saveServerDomains, serverDomainsOf } from './store.js';

/** The four sets, as get_effective_domain names them. */
const setsView = (sets: ServerDomainSets) => ({
  mp_domain: sets.mp,
  third_domain: sets.third,
  direct_domain: sets.direct,
  effective_domain: inForce(sets),
});

/**
 * A Mini Program's server domains as WeChat keeps them (docs/server-domain.md §5.2), the MP admin console
 * that writes the `mp` set, and a component's domain pools (§2).
 */
export const serverDomainControl = {
  async 'platforms.domains'({ tx, params }) {
    const platform = await requirePlatform(tx, params.appid ?? '');
    return {
      server: await domainPoolOf(tx, platform, 'server'),
      jump: await domainPoolOf(tx, platform, 'jump'),
    };
  },
  async 'serverDomains.get'({ tx, params }) {
    const { appid } = await requireMiniProgram(tx, params.appid ?? '');
    return setsView(await serverDomainsOf(tx, appid));
  },
  async 'serverDomains.set'({ tx, params, body }) {
    const { appid } = await requireMiniProgram(tx, params.appid ?? '');
    const sets = await serverDomainsOf(tx, appid);
    const mp = eachKind((kind) => withServerEntries([], body.mp_domain[kind] ?? []));
    for (const kind of KINDS) {
      for (const entry of mp[kind]) {
        const host = serverDomainHost(kind, entry);
        if (host === null || host === API_HOST) {
          throw new ControlError(400, `invalid body: ${kind} entry ${JSON.stringify(entry)} is not allowed`);
        }
      }
    }
    const next = { ...sets, mp };
    await saveServerDomains(tx, appid, next);
    return setsView(next);
  },
} satisfies Partial<ControlHandlers>;
