import type { Selectable } from 'kysely';
import type { Database, Db } from '../../store/index.js';
import { LIVE_STATUSES } from './status.js';

/** Links between Official Accounts and Mini Programs, one record per pair. */
export type LinkRow = Selectable<Database['links']>;

export function findLink(db: Db, officialAccount: string, miniprogram: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('links')
    .selectAll()
    .where('official_account', '=', officialAccount)
    .where('miniprogram', '=', miniprogram)
    .executeTakeFirst();
}

export function listLinks(db: Db, officialAccount?: string): Promise<LinkRow[]> {
  let query = db.selectFrom('links').selectAll();
  if (officialAccount) query = query.where('official_account', '=', officialAccount);
  return query.orderBy('created_at').orderBy('miniprogram').execute();
}

/** Writes the link record of the pair, replacing any earlier one. */
export async function saveLink(db: Db, link: LinkRow): Promise<LinkRow> {
  await removeLink(db, link);
  await db.insertInto('links').values(link).execute();
  return link;
}

export async function removeLink(
  db: Db,
  link: Pick<LinkRow, 'official_account' | 'miniprogram'>,
): Promise<void> {
  await db
    .deleteFrom('links')
    .where('official_account', '=', link.official_account)
    .where('miniprogram', '=', link.miniprogram)
    .execute();
}

/** OAs holding a live link or invitation to this Mini Program. */
export async function countLinksOfMiniProgram(db: Db, miniprogram: string): Promise<number> {
  const row = await db
    .selectFrom('links')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('miniprogram', '=', miniprogram)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** The Mini Programs the OA holds a live link or invitation with. */
export async function liveLinkedMiniPrograms(db: Db, officialAccount: string): Promise<string[]> {
  const rows = await db
    .selectFrom('links')
    .select('miniprogram')
    .where('official_account', '=', officialAccount)
    .where('status', 'in', LIVE_STATUSES)
    .execute();
  return rows.map((row) => row.miniprogram);
}
