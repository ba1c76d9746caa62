import type { AccountRow, PlatformRow, TrialRow } from '../../store/index.js';
import { permittedPrivacyApis } from '../accounts/views.js';

/** What other areas read of a trial version: its pages and its privacy findings (docs/code-management.md §4–§5). */

export interface Subpackage {
  root: string;
  pages: string[];
}

const list = (json: string) => JSON.parse(json) as string[];

export function mainPages(trial: TrialRow): string[] {
  return list(trial.pages);
}

export function subpackagesOf(trial: TrialRow): Subpackage[] {
  return JSON.parse(trial.subpackages) as Subpackage[];
}

/** get_page's list: the main pages, then each sub-package's pages as `root/page` (docs/code-management.md §4.2). */
export function pageList(trial: TrialRow): string[] {
  const root = (name: string) => name.replace(/\/+$/, '');
  return [
    ...mainPages(trial),
    ...subpackagesOf(trial).flatMap((sub) => sub.pages.map((page) => `${root(sub.root)}/${page}`)),
  ];
}

/** The privacy scan a commit starts ends `privacy_scan_seconds` after it (docs/code-management.md §2). */
export function privacyScanDone(trial: TrialRow, platform: PlatformRow, now: number): boolean {
  return now >= trial.commit_time + platform.privacy_scan_seconds * 1000;
}

/**
 * The template's privacy APIs (U) not declared in `requiredPrivateInfos`, and those the account may not use,
 * in U's order with their `wx.` names (docs/code-management.md §5).
 */
export function privacyFindings(
  trial: TrialRow,
  account: AccountRow,
): { without_auth_list: string[]; without_conf_list: string[] } {
  const bare = (name: string) => name.replace(/^wx\./, '');
  const used = list(trial.template_privacy_apis);
  const declared = new Set(list(trial.declared_privacy_apis).map(bare));
  const permitted = permittedPrivacyApis(account);
  return {
    without_auth_list: used.filter((name) => permitted !== null && !permitted.includes(bare(name))),
    without_conf_list: used.filter((name) => !declared.has(bare(name))),
  };
}
