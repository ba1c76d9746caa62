import type { Db, TrialRow } from '../../store/index.js';

/** Each Mini Program's trial version (体验版): its last commit (docs/code-management.md §4). */

export function findTrial(db: Db, appid: string): Promise<TrialRow | undefined> {
  return db.selectFrom('trial_versions').selectAll().where('appid', '=', appid).executeTakeFirst();
}

/** A commit replaces the trial version; `app_version` counts the Mini Program's commits from 1. */
export async function saveTrial(db: Db, trial: Omit<TrialRow, 'app_version'>): Promise<TrialRow> {
  const previous = await findTrial(db, trial.appid);
  const row: TrialRow = { ...trial, app_version: (previous?.app_version ?? 0) + 1 };
  await db
    .insertInto('trial_versions')
    .values(row)
    .onConflict((oc) => oc.column('appid').doUpdateSet(row))
    .execute();
  return row;
}
