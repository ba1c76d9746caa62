import { type Call, fail } from '../../core/index.js';
import type { AccountRow, Db } from '../../store/index.js';
import { findAccount } from '../accounts/store.js';
import { LinkStatus } from '../link/status.js';
import { findLink } from '../link/store.js';
import { confirmFileOf, icpFiled, serves } from '../web/verify.js';
import { MAX_DEBUG_URLS, RULES_PER_MINI_PROGRAM, RULES_PER_SERVICE_ACCOUNT, throttle } from './limits.js';
import { confirmFileUrl, parsePrefix, SERVICE_ACCOUNT_PREFIX } from './prefix.js';
import { RuleState } from './rule-view.js';
import {
  blacklistEntries,
  countRules,
  findRule,
  insertRule,
  type RuleRow,
  relatedRulesOfOthers,
  updateRule,
} from './store.js';

type AddCall = Call<'addJumpQRCode'>;

/** The owner of a Mini Program's QR-code confirm file (distinct from its business-domain one). */
export const qrcodeConfirmFileOwner = (appid: string) => `qrcodejump:${appid}`;

/** Ordinary-link mode, in the rule order of docs/qrcode-jump.md §3.4. */
export async function addOrdinaryRule(call: AddCall, miniProgram: AccountRow): Promise<void> {
  const { tx } = call;
  const request = call.request;
  if (miniProgram.personal === 1) fail(85075);
  const argsValid =
    [0, 1].includes(request.is_edit) &&
    [1, 2].includes(request.permit_sub_rule) &&
    [1, 2, 3].includes(request.open_version) &&
    request.path !== '' &&
    request.debug_url.length <= MAX_DEBUG_URLS;
  if (!argsValid) fail(40097);
  const prefix = parsePrefix(request.prefix);
  if (!prefix) fail(85066);
  if (await blacklisted(tx, request.prefix, prefix.hostname)) fail(85070);
  if (!(await icpFiled(tx, prefix.hostname))) fail(85076);
  if (request.debug_url.some((url) => !url.startsWith(request.prefix))) fail(85068);
  const existing = await checkEdit(tx, miniProgram.appid, request.prefix, request.is_edit);
  await checkOwnership(tx, miniProgram.appid, request.prefix, request.permit_sub_rule);
  if (!existing && (await countRules(tx, miniProgram.appid)) >= RULES_PER_MINI_PROGRAM) fail(85073);
  const file = await confirmFileOf(tx, qrcodeConfirmFileOwner(miniProgram.appid));
  if (!(await serves(tx, call.liveWeb, confirmFileUrl(prefix, file.file_name), file.file_content)))
    fail(85069);
  await throttle(tx, miniProgram.appid, call.now);
  await saveRule(tx, existing, {
    owner: miniProgram.appid,
    prefix: request.prefix,
    mode: 'ordinary',
    permit_sub_rule: request.permit_sub_rule,
    path: request.path,
    open_version: request.open_version,
    debug_url: JSON.stringify(request.debug_url),
    target_appid: null,
    state: RuleState.unpublished,
    created_at: call.now,
    published_at: null,
  });
}

/** Service-account mode: the account's parametric QR codes open a Mini Program it is linked to (docs/qrcode-jump.md §3.2). */
export async function addServiceRule(call: AddCall, serviceAccount: AccountRow): Promise<void> {
  const { tx } = call;
  const request = call.request;
  if (!request.prefix.startsWith(SERVICE_ACCOUNT_PREFIX) || /\s/.test(request.prefix)) fail(85066);
  if (![0, 1].includes(request.is_edit) || request.path === '') fail(40097);
  const target = request.appid ? await findAccount(tx, request.appid) : undefined;
  if (target?.type !== 'miniprogram') fail(40166);
  const link = await findLink(tx, serviceAccount.appid, target.appid);
  if (link?.status !== LinkStatus.linked) fail(40097);
  if (target.personal === 1) fail(85075);
  const existing = await checkEdit(tx, serviceAccount.appid, request.prefix, request.is_edit);
  await checkOwnership(tx, serviceAccount.appid, request.prefix, 1);
  if (!existing && (await countRules(tx, serviceAccount.appid)) >= RULES_PER_SERVICE_ACCOUNT) fail(85073);
  await throttle(tx, serviceAccount.appid, call.now);
  await saveRule(tx, existing, {
    owner: serviceAccount.appid,
    prefix: request.prefix,
    mode: 'service',
    permit_sub_rule: 1,
    path: request.path,
    open_version: 3,
    debug_url: '[]',
    target_appid: target.appid,
    state: RuleState.unpublished,
    created_at: call.now,
    published_at: null,
  });
}

/** is_edit 0 must be a new prefix (85071); is_edit 1 an unpublished rule of this account (40097). */
async function checkEdit(
  db: Db,
  owner: string,
  prefix: string,
  isEdit: number,
): Promise<RuleRow | undefined> {
  const existing = await findRule(db, owner, prefix);
  if (isEdit === 0 && existing) fail(85071);
  if (isEdit === 1 && existing?.state !== RuleState.unpublished) fail(40097);
  return existing;
}

/**
 * 85072 when another account holds the same prefix, an exclusive (permit_sub_rule 2) ancestor of it, or —
 * when the new rule would be exclusive — a descendant of it. Rules in any state count.
 */
async function checkOwnership(db: Db, owner: string, prefix: string, permitSubRule: number): Promise<void> {
  for (const other of await relatedRulesOfOthers(db, owner, prefix)) {
    const conflict =
      other.prefix === prefix ||
      (other.permit_sub_rule === 2 && prefix.startsWith(other.prefix)) ||
      (permitSubRule === 2 && other.prefix.startsWith(prefix));
    if (conflict) fail(85072);
  }
}

async function blacklisted(db: Db, prefix: string, host: string): Promise<boolean> {
  return (await blacklistEntries(db)).some((entry) => entry === host || prefix.startsWith(entry));
}

/** An edit keeps the rule's place and creation time; a new rule goes last. */
async function saveRule(db: Db, existing: RuleRow | undefined, rule: Omit<RuleRow, 'seq'>): Promise<void> {
  if (existing) await updateRule(db, { ...rule, seq: existing.seq, created_at: existing.created_at });
  else await insertRule(db, rule);
}
