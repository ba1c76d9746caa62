import { chinaMonth } from '../../clock.js';
import type { Db } from '../../store/index.js';
import { eachKind, noDomains, type ServerDomains } from './entries.js';

/**
 * A Mini Program's four sets of server domains (server-domain.md §5.2): `mp` from the MP admin console,
 * `third` from modify_domain, `direct` from modify_domain_directly, `effective` from the last release (null
 * before the first one, when the `mp` set is in force).
 */
export interface ServerDomainSets {
  mp: ServerDomains;
  third: ServerDomains;
  direct: ServerDomains;
  effective: ServerDomains | null;
}

/** "每月可提交修改申请50次": one counter per Mini Program, shared by both modify endpoints (86102 beyond). */
export const SERVER_DOMAIN_CHANGES_PER_MONTH = 50;
export const monthlyChangesKey = (appid: string, now: number) =>
  `server_domain:${appid}:month:${chinaMonth(now)}`;

export const inForce = (sets: ServerDomainSets) => sets.effective ?? sets.mp;

export async function serverDomainsOf(db: Db, appid: string): Promise<ServerDomainSets> {
  const row = await db.selectFrom('server_domains').selectAll().where('appid', '=', appid).executeTakeFirst();
  if (!row) return { mp: noDomains(), third: noDomains(), direct: noDomains(), effective: null };
  return {
    mp: fromJson(row.mp),
    third: fromJson(row.third),
    direct: fromJson(row.direct),
    effective: row.effective === null ? null : fromJson(row.effective),
  };
}

export async function saveServerDomains(db: Db, appid: string, sets: ServerDomainSets): Promise<void> {
  const row = {
    mp: JSON.stringify(sets.mp),
    third: JSON.stringify(sets.third),
    direct: JSON.stringify(sets.direct),
    effective: sets.effective === null ? null : JSON.stringify(sets.effective),
  };
  await db
    .insertInto('server_domains')
    .values({ appid, ...row })
    .onConflict((oc) => oc.column('appid').doUpdateSet(row))
    .execute();
}

/** Every kind present, in WeChat's order. */
function fromJson(text: string): ServerDomains {
  const stored = JSON.parse(text) as Partial<ServerDomains>;
  return eachKind((kind) => stored[kind] ?? []);
}
