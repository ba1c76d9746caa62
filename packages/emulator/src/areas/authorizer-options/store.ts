import type { Db } from '../../store/index.js';

/** Options of authorized accounts, one row per (account, option) once set; an unset option reads as absent. */

export async function findOptionValue(
  db: Db,
  appid: string,
  optionName: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('authorizer_options')
    .select('option_value')
    .where('appid', '=', appid)
    .where('option_name', '=', optionName)
    .executeTakeFirst();
  return row?.option_value;
}

export async function saveOptionValue(
  db: Db,
  appid: string,
  optionName: string,
  value: string,
): Promise<void> {
  await db
    .insertInto('authorizer_options')
    .values({ appid, option_name: optionName, option_value: value })
    .onConflict((oc) => oc.columns(['appid', 'option_name']).doUpdateSet({ option_value: value }))
    .execute();
}
