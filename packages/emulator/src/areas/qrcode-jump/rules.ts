import type { Selectable } from 'kysely';
import type { Database, Db } from '../../store/index.js';

export type RuleRow = Selectable<Database['qrcode_rules']>;

/** Rule state (qrcode-jump.md §2.2). */
export const RuleState = { unpublished: 1, published: 2 } as const;

export function findRule(db: Db, owner: string, prefix: string): Promise<RuleRow | undefined> {
  return db
    .selectFrom('qrcode_rules')
    .selectAll()
    .where('owner', '=', owner)
    .where('prefix', '=', prefix)
    .executeTakeFirst();
}

/** An account's rules, oldest first. */
export function rulesOf(db: Db, owner: string): Promise<RuleRow[]> {
  return db.selectFrom('qrcode_rules').selectAll().where('owner', '=', owner).orderBy('seq').execute();
}

export function allRules(db: Db): Promise<RuleRow[]> {
  return db.selectFrom('qrcode_rules').selectAll().orderBy('seq').execute();
}

export async function countRules(db: Db, owner: string): Promise<number> {
  const row = await db
    .selectFrom('qrcode_rules')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('owner', '=', owner)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Rules of other accounts whose prefix is the new one, an ancestor or a descendant of it. */
export async function relatedRulesOfOthers(db: Db, owner: string, prefix: string): Promise<RuleRow[]> {
  const others = await db.selectFrom('qrcode_rules').selectAll().where('owner', '!=', owner).execute();
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

/** A rule as qrcodejumpget lists it: every field in ordinary mode, prefix/path/state for a service account. */
export function ruleItem(rule: RuleRow) {
  if (rule.mode === 'service') return { prefix: rule.prefix, path: rule.path, state: rule.state };
  return {
    prefix: rule.prefix,
    open_version: rule.open_version,
    state: rule.state,
    permit_sub_rule: rule.permit_sub_rule,
    path: rule.path,
    debug_url: JSON.parse(rule.debug_url) as string[],
  };
}
