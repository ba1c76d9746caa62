import { componentOf, fail, type Handlers } from '../../core/index.js';
import { isAbsent, sentInteger } from './numbers.js';
import {
  countTemplates,
  deleteTemplate,
  findDraft,
  findTemplate,
  insertTemplate,
  listDrafts,
  listTemplates,
} from './store.js';
import { draftItem, ORDINARY, STANDARD, templateItem } from './views.js';

/** Each library holds at most 200 templates of one type (docs/code-management.md §3.2). */
const TEMPLATE_LIMIT = 200;

/** `template_type` as sent: 0 or 1, else undefined; left out it is `fallback`. */
function templateType(value: unknown, fallback: number | undefined): number | undefined {
  if (isAbsent(value)) return fallback;
  const type = sentInteger(value);
  return type === ORDINARY || type === STANDARD ? type : undefined;
}

/** The platform's draft box and template library (docs/code-management.md §3). */
export const templateHandlers = {
  async getTemplateDraftList(call) {
    const drafts = await listDrafts(call.tx, componentOf(call));
    return { draft_list: drafts.map(draftItem) };
  },

  async addToTemplate(call) {
    const componentAppid = componentOf(call);
    const type = templateType(call.request.template_type, ORDINARY);
    if (type === undefined) fail(40097);
    const draftId = sentInteger(call.request.draft_id);
    const draft = draftId === undefined ? undefined : await findDraft(call.tx, componentAppid, draftId);
    if (!draft) fail(85064);
    if ((await countTemplates(call.tx, componentAppid, type)) >= TEMPLATE_LIMIT) fail(85065);
    await insertTemplate(call.tx, draft, type, call.now);
    return {};
  },

  /** Absent `template_type` lists both kinds; a value other than 0 or 1 matches nothing. */
  async getTemplateList(call) {
    const sent = call.request.template_type;
    const type = templateType(sent, undefined);
    if (!isAbsent(sent) && type === undefined) return { template_list: [] };
    const templates = await listTemplates(call.tx, componentOf(call), type);
    return { template_list: templates.map(templateItem) };
  },

  async deleteTemplate(call) {
    const componentAppid = componentOf(call);
    const templateId = sentInteger(call.request.template_id);
    const template =
      templateId === undefined ? undefined : await findTemplate(call.tx, componentAppid, templateId);
    if (!template) fail(85064);
    await deleteTemplate(call.tx, componentAppid, template.template_id);
    return {};
  },
} satisfies Partial<Handlers>;
