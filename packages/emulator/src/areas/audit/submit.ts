import { privacyApiSentences } from '@wxlocal/api';
import { type Call, fail } from '../../core/index.js';
import type { AccountRow, AuditRow, PlatformRow, TrialRow } from '../../store/index.js';
import type { Category } from '../accounts/store.js';
import { auditPolicyOf } from '../accounts/store.js';
import { categoriesOf } from '../accounts/views.js';
import { findTrial } from '../commit/store.js';
import { pageList, privacyFindings, privacyScanDone } from '../commit/trial.js';
import { useAuditQuota } from './quotas.js';
import { AuditStatus, isPending } from './status.js';
import { insertAudit, latestAudit } from './store.js';

/** submit_audit's rules, in WeChat's order (docs/code-management.md §7.1). */

type Item = Record<string, unknown>;

const MAX_ITEMS = 5;
const MAX_TAGS = 10;
const MAX_TAG_LENGTH = 20;
const MAX_TITLE_LENGTH = 32;
const REQUIRED_ITEM_FIELDS = ['first_class', 'second_class', 'first_id', 'second_id'];
/** 社交 categories whose first audit needs `ugc_declare`. */
const UGC_SECOND_CLASSES = ['社区/论坛', '笔记', '问答'];

/** Absent, null or empty: the field was not filled in. */
const isBlank = (value: unknown) => value === undefined || value === null || value === '';
const length = (text: string) => [...text].length;

export async function submitAudit(
  call: Call<'submitAudit'>,
  account: AccountRow,
  platform: PlatformRow,
): Promise<AuditRow> {
  if (account.init_completed !== 1) fail(86002);
  const trial = await findTrial(call.tx, account.appid);
  if (!trial) fail(85086);
  const latest = await latestAudit(call.tx, account.appid);
  if (latest && isPending(latest)) fail(85009);
  const items = auditItems(call.request.item_list);
  if (items.some(hasBadTags)) fail(85006);
  const pages = pageList(trial);
  const onTrial = (item: Item) =>
    isBlank(item.address) || (typeof item.address === 'string' && pages.includes(item.address));
  if (!items.every(onTrial)) fail(85007);
  if (items.some(hasBadTitle)) fail(85011);
  const categories = itemCategories(items, categoriesOf(account));
  // Only the Mini Program's first audit needs the UGC declaration.
  if (!latest && isBlank(call.request.ugc_declare) && categories.some(isUgc)) fail(85094);
  checkPrivacy(call, trial, account, platform);
  await useAuditQuota(call.tx, platform, call.now);
  return insertAudit(call.tx, auditOf(trial, platform, call.now));
}

/** Absent (or null) or `[]` is accepted: the doc marks the list 选填. */
function auditItems(value: unknown): Item[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_ITEMS) fail(85023);
  const isItem = (item: unknown): item is Item =>
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    !REQUIRED_ITEM_FIELDS.some((key) => isBlank((item as Item)[key]));
  if (!value.every(isItem)) fail(85010);
  return value;
}

/** Tags are space-separated: at most 10, each at most 20 characters. */
function hasBadTags(item: Item): boolean {
  if (isBlank(item.tag)) return false;
  if (typeof item.tag !== 'string') return true;
  const tags = item.tag.split(/\s+/).filter(Boolean);
  return tags.length > MAX_TAGS || tags.some((tag) => length(tag) > MAX_TAG_LENGTH);
}

function hasBadTitle(item: Item): boolean {
  if (isBlank(item.title)) return false;
  return typeof item.title !== 'string' || length(item.title) > MAX_TITLE_LENGTH;
}

/** An id sent as a number or a numeric string; anything else matches no category. */
function categoryId(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return Number.NaN;
}

/**
 * The account's categories the items name by id (`third_id` only when given), or all of them for an empty list;
 * 85008 when the account has none or an item names another.
 */
function itemCategories(items: Item[], categories: Category[]): Category[] {
  if (categories.length === 0) fail(85008);
  if (items.length === 0) return categories;
  return items.map((item) => {
    const match = categories.find(
      (category) =>
        categoryId(item.first_id) === category.first_id &&
        categoryId(item.second_id) === category.second_id &&
        (isBlank(item.third_id) || categoryId(item.third_id) === category.third_id),
    );
    return match ?? fail(85008);
  });
}

const isUgc = (category: Category) =>
  category.first_class === '社交' && UGC_SECOND_CLASSES.includes(category.second_class);

/** 61039 while the commit's privacy scan runs; 61040 for its findings unless the platform promises not to use them. */
function checkPrivacy(
  call: Call<'submitAudit'>,
  trial: TrialRow,
  account: AccountRow,
  platform: PlatformRow,
) {
  if (!privacyScanDone(trial, platform, call.now)) fail(61039);
  if (call.request.privacy_api_not_use) return;
  const sentence = privacySentence(privacyFindings(trial, account));
  if (sentence) fail(61040, { sentence });
}

/** Unconfigured APIs first, else unpermitted ones (docs/code-management.md §7.1). */
function privacySentence(findings: {
  without_auth_list: string[];
  without_conf_list: string[];
}): string | undefined {
  const names = (list: string[]) => list.map((name) => name.replace(/^wx\./, '')).join(',');
  if (findings.without_conf_list.length > 0) {
    return privacyApiSentences.unconfigured.replace('{names}', names(findings.without_conf_list));
  }
  if (findings.without_auth_list.length > 0) {
    return privacyApiSentences.unauthorized.replace('{names}', names(findings.without_auth_list));
  }
  return undefined;
}

/** A new audit (审核中) with the trial's snapshot and, under an audit policy, its due decision. */
function auditOf(trial: TrialRow, platform: PlatformRow, now: number): Omit<AuditRow, 'auditid'> {
  const policy = auditPolicyOf(platform);
  return {
    appid: trial.appid,
    component_appid: platform.appid,
    status: AuditStatus.auditing,
    reason: '',
    screenshot: '',
    user_version: trial.user_version,
    user_desc: trial.user_desc,
    app_version: trial.app_version,
    commit_time: trial.commit_time,
    submit_audit_time: now,
    decided_at: null,
    sped_up: 0,
    released: 0,
    due_at: policy ? now + policy.after_seconds * 1000 : null,
    due_result: policy?.result ?? null,
  };
}
