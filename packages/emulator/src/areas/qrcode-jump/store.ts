import type { Selectable } from 'kysely';
import type { Database, Db } from '../../store/index.js';
import { preparedQuery, preparedRows } from '../../store/prepared.js';

/** The QR-code jump rules of every account, and WeChat's prefix blacklist. */
export type RuleRow = Selectable<Database['qrcode_rules']>;

export const findRule = preparedQuery((db, owner: string, prefix: string) =>
  db.selectFrom('qrcode_rules').selectAll().where('owner', '=', owner).where('prefix', '=', prefix),
);

/** An account's rules, oldest first. */
export function rulesOf(db: Db, owner: string): Promise<RuleRow[]> {
  return db.selectFrom('qrcode_rules').selectAll().where('owner', '=', owner).orderBy('seq').execute();
}

export function allRules(db: Db): Promise<RuleRow[]> {
  return db.selectFrom('qrcode_rules').selectAll().orderBy('seq').execute();
}

const ruleCount = preparedQuery((db, owner: string) =>
  db
    .selectFrom('qrcode_rules')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('owner', '=', owner),
);

export async function countRules(db: Db, owner: string): Promise<number> {
  return Number((await ruleCount(db, owner))?.count ?? 0);
}

const rulesOfOthers = preparedRows((db, owner: string) =>
  db.selectFrom('qrcode_rules').selectAll().where('owner', '!=', owner),
);

/** Rules of other accounts whose prefix is the new one, an ancestor or a descendant of it. */
export async function relatedRulesOfOthers(db: Db, owner: string, prefix: string): Promise<RuleRow[]> {
  const others = await rulesOfOthers(db, owner);
  return others.filter((rule) => rule.prefix.startsWith(prefix) || prefix.startsWith(rule.prefix));
}

export type NewRule = Omit<RuleRow, 'seq'>;

/** Adds a rule after every existing one (`seq` keeps creation order). */
export async function insertRule(db: Db, rule: NewRule): Promise<void> {
  const last = await db
    .selectFrom('qrcode_rules')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  await db
    .insertInto('qrcode_rules')
    .values({ ...rule, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export async function updateRule(db: Db, rule: RuleRow): Promise<void> {
  const { owner, prefix, seq: _seq, ...changes } = rule;
  await db
    .updateTable('qrcode_rules')
    .set(changes)
    .where('owner', '=', owner)
    .where('prefix', '=', prefix)
    .execute();
}

export async function deleteRule(db: Db, owner: string, prefix: string): Promise<void> {
  await db.deleteFrom('qrcode_rules').where('owner', '=', owner).where('prefix', '=', prefix).execute();
}

const blacklist = preparedRows((db) => db.selectFrom('qrcode_blacklist').select('entry').orderBy('entry'));

export async function blacklistEntries(db: Db): Promise<string[]> {
  return (await blacklist(db)).map((row) => row.entry);
}

export async function addBlacklistEntry(db: Db, entry: string): Promise<void> {
  await db
    .insertInto('qrcode_blacklist')
    .values({ entry })
    .onConflict((oc) => oc.column('entry').doNothing())
    .execute();
}

/** Whether the entry was there. */
export async function removeBlacklistEntry(db: Db, entry: string): Promise<boolean> {
  const result = await db.deleteFrom('qrcode_blacklist').where('entry', '=', entry).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
