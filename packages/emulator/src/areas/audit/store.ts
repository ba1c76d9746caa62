import type { AuditRow, Db } from '../../store/index.js';

/** Audits (代码审核) of each Mini Program's code, with the snapshot each was submitted with (docs/code-management.md §7). */

/** Audit ids are unique in the emulator, from 400000001. */
const FIRST_AUDITID = 400_000_001;

export async function insertAudit(db: Db, audit: Omit<AuditRow, 'auditid'>): Promise<AuditRow> {
  const last = await db
    .selectFrom('audits')
    .select((eb) => eb.fn.max('auditid').as('id'))
    .executeTakeFirst();
  const row: AuditRow = { ...audit, auditid: last?.id == null ? FIRST_AUDITID : Number(last.id) + 1 };
  await db.insertInto('audits').values(row).execute();
  return row;
}

export function findAudit(db: Db, auditid: number): Promise<AuditRow | undefined> {
  return db.selectFrom('audits').selectAll().where('auditid', '=', auditid).executeTakeFirst();
}

/** The Mini Program's most recent audit. */
export function latestAudit(db: Db, appid: string): Promise<AuditRow | undefined> {
  return db
    .selectFrom('audits')
    .selectAll()
    .where('appid', '=', appid)
    .orderBy('auditid', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The Mini Program's audits, newest first. */
export function listAudits(db: Db, appid: string): Promise<AuditRow[]> {
  return db.selectFrom('audits').selectAll().where('appid', '=', appid).orderBy('auditid', 'desc').execute();
}

export async function updateAudit(
  db: Db,
  audit: AuditRow,
  changes: Partial<Omit<AuditRow, 'auditid'>>,
): Promise<AuditRow> {
  await db.updateTable('audits').set(changes).where('auditid', '=', audit.auditid).execute();
  return { ...audit, ...changes };
}

/** Audits whose policy decision fell due by `now` (all Mini Programs, or one), oldest due first. */
export function dueAudits(db: Db, now: number, appid?: string): Promise<AuditRow[]> {
  let query = db.selectFrom('audits').selectAll().where('due_at', '<=', now);
  if (appid !== undefined) query = query.where('appid', '=', appid);
  return query.orderBy('due_at').orderBy('auditid').execute();
}
