import type { ControlBodyOf } from '@wxlocal/api';
import { ControlError, type ControlHandlers } from '../../core/index.js';
import { requirePlatform } from '../accounts/control.js';
import { insertDraft } from './store.js';
import { unixSeconds } from './views.js';

type Upload = ControlBodyOf<'platforms.drafts.create'>;

/** Privacy APIs are kept by their `wx.` names, each once, whichever form was sent. */
function wxNames(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => (name.startsWith('wx.') ? name : `wx.${name}`)))];
}

/** The tab bar can only show main pages. */
function checkTabBar(upload: Upload): void {
  const outside = upload.tabbar_pages?.find((page) => !upload.pages.includes(page));
  if (outside !== undefined) {
    throw new ControlError(
      400,
      `invalid body: tabbar_pages entry ${JSON.stringify(outside)} is not in pages`,
    );
  }
}

/** A developer's upload from WeChat DevTools lands in the platform's draft box (docs/code-management.md §13). */
export const templateControl = {
  async 'platforms.drafts.create'({ tx, now, params, body }) {
    const platform = await requirePlatform(tx, params.appid ?? '');
    checkTabBar(body);
    const draft = await insertDraft(tx, {
      component_appid: platform.appid,
      user_version: body.user_version,
      user_desc: body.user_desc ?? '',
      pages: JSON.stringify(body.pages),
      subpackages: JSON.stringify(body.subpackages ?? []),
      tabbar_pages: JSON.stringify(body.tabbar_pages ?? []),
      privacy_apis: JSON.stringify(wxNames(body.privacy_apis ?? [])),
      size_kb: body.size_kb ?? 1024,
      source_miniprogram_appid: body.source_miniprogram_appid ?? '',
      source_miniprogram: body.source_miniprogram ?? '',
      developer: body.developer ?? '',
      create_time: now,
    });
    return { draft_id: draft.draft_id, create_time: unixSeconds(draft.create_time) };
  },
} satisfies Partial<ControlHandlers>;
