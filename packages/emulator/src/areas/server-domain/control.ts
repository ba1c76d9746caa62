import { Type } from '@sinclair/typebox';
import { ControlError, type ControlRoute, closed, controlRoute } from '../../core/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { API_HOST, eachKind, KINDS, serverDomainHost, withServerEntries } from './entries.js';
import { inForce, type ServerDomainSets, saveServerDomains, serverDomainsOf } from './store.js';

const ServerDomainList = Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 }));

/** The MP admin console's server domains: the six kinds, a missing one empty. */
const MpServerDomainsBody = Type.Object(
  {
    mp_domain: Type.Object(
      {
        requestdomain: ServerDomainList,
        wsrequestdomain: ServerDomainList,
        uploaddomain: ServerDomainList,
        downloaddomain: ServerDomainList,
        udpdomain: ServerDomainList,
        tcpdomain: ServerDomainList,
      },
      closed,
    ),
  },
  closed,
);

/** The four sets, as get_effective_domain names them. */
const setsView = (sets: ServerDomainSets) => ({
  mp_domain: sets.mp,
  third_domain: sets.third,
  direct_domain: sets.direct,
  effective_domain: inForce(sets),
});

/**
 * A Mini Program's server domains as WeChat keeps them (docs/server-domain.md §5.2), and the MP admin console
 * that writes the `mp` set.
 */
export const serverDomainControl: ControlRoute[] = [
  controlRoute({
    method: 'GET',
    path: '/accounts/:appid/server-domains',
    async handle({ tx, params }) {
      const { appid } = await requireMiniProgram(tx, params.appid ?? '');
      return setsView(await serverDomainsOf(tx, appid));
    },
  }),
  controlRoute({
    method: 'PUT',
    path: '/accounts/:appid/server-domains',
    body: MpServerDomainsBody,
    async handle({ tx, params, body }) {
      const { appid } = await requireMiniProgram(tx, params.appid ?? '');
      const sets = await serverDomainsOf(tx, appid);
      const mp = eachKind((kind) => withServerEntries([], body.mp_domain[kind] ?? []));
      for (const kind of KINDS) {
        for (const entry of mp[kind]) {
          const host = serverDomainHost(kind, entry);
          if (host === null || host === API_HOST) {
            throw new ControlError(
              400,
              `invalid body: ${kind} entry ${JSON.stringify(entry)} is not allowed`,
            );
          }
        }
      }
      const next = { ...sets, mp };
      await saveServerDomains(tx, appid, next);
      return setsView(next);
    },
  }),
];
