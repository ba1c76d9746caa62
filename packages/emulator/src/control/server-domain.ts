import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAccount } from '../areas/accounts/accounts.js';
import { API_HOST, eachKind, hostOfEntry, KINDS, union } from '../areas/server-domain/entries.js';
import {
  inForce,
  type ServerDomainSets,
  saveServerDomains,
  serverDomainsOf,
} from '../areas/server-domain/lists.js';
import type { Runtime } from '../runtime.js';
import type { Db } from '../store/index.js';
import { ControlError } from './control-error.js';
import { MpServerDomainsBody, parseBody, readJson } from './schemas.js';

/**
 * A Mini Program's server domains as WeChat keeps them (server-domain.md §5.2), and the MP admin console that
 * writes the `mp` set.
 */
export function registerServerDomainControl(cp: FastifyInstance, { store }: Runtime): void {
  const appidOf = (request: FastifyRequest) => (request.params as { appid: string }).appid;

  cp.get('/accounts/:appid/server-domains', async (request) =>
    store.transaction(async (tx) => setsView(await miniProgramSets(tx, appidOf(request)))),
  );

  cp.put('/accounts/:appid/server-domains', async (request) => {
    const body = parseBody(MpServerDomainsBody, readJson(request));
    return store.transaction(async (tx) => {
      const appid = appidOf(request);
      const sets = await miniProgramSets(tx, appid);
      const mp = eachKind((kind) => union([], body.mp_domain[kind] ?? []));
      for (const kind of KINDS) {
        for (const entry of mp[kind]) {
          const host = hostOfEntry(kind, entry);
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
    });
  });
}

async function miniProgramSets(db: Db, appid: string): Promise<ServerDomainSets> {
  const account = await findAccount(db, appid);
  if (!account) throw new ControlError(404, `account ${appid} not found`);
  if (account.type !== 'miniprogram') throw new ControlError(400, `${appid} is not a Mini Program`);
  return serverDomainsOf(db, appid);
}

/** The four sets, as get_effective_domain names them. */
const setsView = (sets: ServerDomainSets) => ({
  mp_domain: sets.mp,
  third_domain: sets.third,
  direct_domain: sets.direct,
  effective_domain: inForce(sets),
});
