import type { Db, DraftRow, TemplateRow } from '../../store/index.js';

/** The platform's draft box and template library (docs/code-management.md §3). */

export type NewUpload = Omit<DraftRow, 'draft_id'>;

/** Drafts are numbered 0, 1, 2, … per platform and never removed. */
export async function insertDraft(db: Db, upload: NewUpload): Promise<DraftRow> {
  const last = await db
    .selectFrom('template_drafts')
    .select((eb) => eb.fn.max('draft_id').as('id'))
    .where('component_appid', '=', upload.component_appid)
    .executeTakeFirst();
  const row: DraftRow = { ...upload, draft_id: last?.id == null ? 0 : Number(last.id) + 1 };
  await db.insertInto('template_drafts').values(row).execute();
  return row;
}

export function listDrafts(db: Db, componentAppid: string): Promise<DraftRow[]> {
  return db
    .selectFrom('template_drafts')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .orderBy('draft_id')
    .execute();
}

export function findDraft(db: Db, componentAppid: string, draftId: number): Promise<DraftRow | undefined> {
  return db
    .selectFrom('template_drafts')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .where('draft_id', '=', draftId)
    .executeTakeFirst();
}

/** Templates are numbered 1, 2, 3, … per platform; a deleted one keeps its number from being reused. */
export async function insertTemplate(
  db: Db,
  draft: DraftRow,
  templateType: number,
  now: number,
): Promise<TemplateRow> {
  const last = await db
    .selectFrom('templates')
    .select((eb) => eb.fn.max('template_id').as('id'))
    .where('component_appid', '=', draft.component_appid)
    .executeTakeFirst();
  const row: TemplateRow = {
    ...draft,
    template_id: last?.id == null ? 1 : Number(last.id) + 1,
    template_type: templateType,
    create_time: now,
    deleted: 0,
  };
  await db.insertInto('templates').values(row).execute();
  return row;
}

/** The library, by `template_id`; `templateType` undefined: both kinds. */
export function listTemplates(db: Db, componentAppid: string, templateType?: number): Promise<TemplateRow[]> {
  let query = db
    .selectFrom('templates')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .where('deleted', '=', 0);
  if (templateType !== undefined) query = query.where('template_type', '=', templateType);
  return query.orderBy('template_id').execute();
}

export function findTemplate(
  db: Db,
  componentAppid: string,
  templateId: number,
): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .where('template_id', '=', templateId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
}

export async function countTemplates(db: Db, componentAppid: string, templateType: number): Promise<number> {
  const row = await db
    .selectFrom('templates')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('component_appid', '=', componentAppid)
    .where('template_type', '=', templateType)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function deleteTemplate(db: Db, componentAppid: string, templateId: number): Promise<void> {
  await db
    .updateTable('templates')
    .set({ deleted: 1 })
    .where('component_appid', '=', componentAppid)
    .where('template_id', '=', templateId)
    .execute();
}
