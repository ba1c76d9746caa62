import type { Db } from './index.js';
import type { FaultRuleRow } from './schema.js';

/** The armed fault rules in the order they were added. */
export function listFaultRules(db: Db): Promise<FaultRuleRow[]> {
  return db.selectFrom('fault_rules').selectAll().orderBy('seq').execute();
}

/** Stores a rule after every other one. */
export async function insertFaultRule(db: Db, rule: Omit<FaultRuleRow, 'seq'>): Promise<FaultRuleRow> {
  const last = await db
    .selectFrom('fault_rules')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const row = { ...rule, seq: Number(last?.seq ?? 0) + 1 };
  await db.insertInto('fault_rules').values(row).execute();
  return row;
}

/** Removes one rule; undefined when there is none of that id. */
export async function deleteFaultRule(db: Db, id: string): Promise<FaultRuleRow | undefined> {
  return db.deleteFrom('fault_rules').where('id', '=', id).returningAll().executeTakeFirst();
}

/** Removes the rules of one endpoint (its name or "*"), or all of them. */
export async function deleteFaultRules(db: Db, endpoint?: string): Promise<void> {
  let query = db.deleteFrom('fault_rules');
  if (endpoint !== undefined) query = query.where('endpoint', '=', endpoint);
  await query.execute();
}

/** Counts one draw of the rule's generator. */
export async function countFaultDraw(db: Db, id: string): Promise<void> {
  await db
    .updateTable('fault_rules')
    .set((eb) => ({ draws: eb('draws', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/**
 * Fires the rule once if it has firings left: the check and the count are one statement, so two callers can
 * never both take the last one. Answers the rule as it is after, or undefined when none was left.
 */
export async function fireFaultRule(db: Db, id: string): Promise<FaultRuleRow | undefined> {
  return db
    .updateTable('fault_rules')
    .set((eb) => ({ fired: eb('fired', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('count', 'is', null), eb('fired', '<', eb.ref('count'))]))
    .returningAll()
    .executeTakeFirst();
}
