import type { Db, GrayPlanRow, ReleaseRow } from '../../store/index.js';

/** Each Mini Program's releases and rollbacks, and its gray plan (docs/code-management.md §9–§10). */

/** Releases kept per Mini Program: the history WeChat can roll back to. */
const HISTORY = 5;

/** Appends a release or rollback (it is online now) and keeps the last five. */
export async function appendRelease(db: Db, release: Omit<ReleaseRow, 'seq'>): Promise<ReleaseRow> {
  const [last] = await releasesOf(db, release.appid);
  const row: ReleaseRow = { ...release, seq: (last?.seq ?? 0) + 1 };
  await db.insertInto('code_releases').values(row).execute();
  await db
    .deleteFrom('code_releases')
    .where('appid', '=', release.appid)
    .where('seq', '<=', row.seq - HISTORY)
    .execute();
  return row;
}

/** The kept releases, newest (the online version) first. */
export function releasesOf(db: Db, appid: string): Promise<ReleaseRow[]> {
  return db
    .selectFrom('code_releases')
    .selectAll()
    .where('appid', '=', appid)
    .orderBy('seq', 'desc')
    .execute();
}

/** The online version: the last release or rollback. */
export async function onlineVersion(db: Db, appid: string): Promise<ReleaseRow | undefined> {
  const [online] = await releasesOf(db, appid);
  return online;
}

export function findGrayPlan(db: Db, appid: string): Promise<GrayPlanRow | undefined> {
  return db.selectFrom('gray_plans').selectAll().where('appid', '=', appid).executeTakeFirst();
}

export async function saveGrayPlan(db: Db, plan: GrayPlanRow): Promise<GrayPlanRow> {
  await db
    .insertInto('gray_plans')
    .values(plan)
    .onConflict((oc) => oc.column('appid').doUpdateSet(plan))
    .execute();
  return plan;
}
