import type { DraftRow, TemplateRow } from '../../store/index.js';

/** `template_type`: 0 普通模板, 1 标准模板 (docs/code-management.md §3.2). */
export const ORDINARY = 0;
export const STANDARD = 1;

/** Times are kept in Unix ms and shown in seconds. */
export const unixSeconds = (ms: number) => Math.floor(ms / 1000);

/** A draft as gettemplatedraftlist shows it, fields in WeChat's order (docs/code-management.md §3.1). */
export function draftItem(draft: DraftRow) {
  return {
    create_time: unixSeconds(draft.create_time),
    user_version: draft.user_version,
    user_desc: draft.user_desc,
    draft_id: draft.draft_id,
  };
}

/**
 * A template as gettemplatelist shows it (docs/code-management.md §3.3). Standard templates add their audit
 * fields; nothing audits them here, so they read as approved with no categories.
 */
export function templateItem(template: TemplateRow) {
  const item = {
    create_time: unixSeconds(template.create_time),
    user_version: template.user_version,
    user_desc: template.user_desc,
    template_id: template.template_id,
    draft_id: template.draft_id,
    source_miniprogram_appid: template.source_miniprogram_appid,
    source_miniprogram: template.source_miniprogram,
    developer: template.developer,
    template_type: template.template_type,
    category_list: [],
  };
  if (template.template_type !== STANDARD) return item;
  return { ...item, audit_scene: 0, audit_status: 3, reason: '' };
}
