import { accountOf, type Call, fail, type Handlers } from '../../core/index.js';
import type { AccountRow } from '../../store/index.js';
import { accountFlags } from '../accounts/flags.js';
import { findAccount } from '../accounts/store.js';
import { confirmFileOf } from '../web/verify.js';
import { addOrdinaryRule, addServiceRule, qrcodeConfirmFileOwner } from './add.js';
import {
  MAX_PAGE_SIZE,
  MAX_PREFIX_LIST,
  publishesLeft,
  RULES_PER_SERVICE_ACCOUNT,
  throttle,
  usePublish,
} from './limits.js';
import { RuleState, ruleItem } from './rule-view.js';
import { deleteRule, findRule, type RuleRow, rulesOf, updateRule } from './store.js';

/** The account behind the token decides the mode: a Mini Program's ordinary links, or a service account's QR codes. */
const isServiceMode = (account: AccountRow) => account.type === 'official_account';

/** A personal-type Mini Program cannot use the family (85075). */
function checkNotPersonal(account: AccountRow): void {
  if (account.type === 'miniprogram' && account.personal === 1) fail(85075);
}

export const qrcodeJumpHandlers = {
  async addJumpQRCode(call) {
    const account = accountOf(call);
    if (isServiceMode(account)) await addServiceRule(call, account);
    else await addOrdinaryRule(call, account);
    return {};
  },

  async getJumpQRCode(call) {
    const account = accountOf(call);
    checkNotPersonal(account);
    const all = await rulesOf(call.tx, account.appid);
    const { rules, total } = isServiceMode(account)
      ? selectServiceRules(call, all)
      : { rules: all, total: all.length };
    await throttle(call.tx, account.appid, call.now);
    return {
      rule_list: rules.map(ruleItem),
      qrcodejump_open: Number(accountFlags(account).qrcodejump_open),
      list_size: rules.length,
      qrcodejump_pub_quota: await publishesLeft(call.tx, account.appid, call.now),
      total_count: total,
    };
  },

  /** Removes a rule in any state; an unknown prefix is a no-op (docs/qrcode-jump.md §5). */
  async deleteJumpQRCode(call) {
    const account = accountOf(call);
    checkNotPersonal(account);
    const rule = await findRule(call.tx, account.appid, call.request.prefix);
    await throttle(call.tx, account.appid, call.now);
    const sameTarget = !isServiceMode(account) || rule?.target_appid === call.request.appid;
    if (rule && sameTarget) await deleteRule(call.tx, account.appid, rule.prefix);
    return {};
  },

  /** State 1 → 2; needs released code and one of the month's 100 publishes (docs/qrcode-jump.md §6). */
  async publishJumpQRCode(call) {
    const account = accountOf(call);
    checkNotPersonal(account);
    const rule = await findRule(call.tx, account.appid, call.request.prefix);
    if (!rule) fail(40097);
    if (!(await codeReleased(call, rule))) fail(85074);
    if (rule.state !== RuleState.published) {
      await usePublish(call.tx, account.appid, call.now);
      await updateRule(call.tx, { ...rule, state: RuleState.published, published_at: call.now });
    }
    await throttle(call.tx, account.appid, call.now);
    return {};
  },

  async downloadQRCodeText(call) {
    const account = accountOf(call);
    checkNotPersonal(account);
    const file = await confirmFileOf(call.tx, qrcodeConfirmFileOwner(account.appid));
    await throttle(call.tx, account.appid, call.now);
    return file;
  },
} satisfies Partial<Handlers>;

/** The Mini Program a rule opens must have released code: the account itself, or a service rule's target. */
async function codeReleased(call: Call<'publishJumpQRCode'>, rule: RuleRow): Promise<boolean> {
  const miniProgram = rule.target_appid ? await findAccount(call.tx, rule.target_appid) : accountOf(call);
  return miniProgram !== undefined && accountFlags(miniProgram).code_released;
}

/** Service-account get (docs/qrcode-jump.md §4.2): the rules pointing at `appid`, by get_type 0 (latest 10 000), 1 (named) or 2 (paged). */
function selectServiceRules(
  call: Call<'getJumpQRCode'>,
  all: RuleRow[],
): { rules: RuleRow[]; total: number } {
  const { appid, get_type, prefix_list, page_num, page_size } = call.request;
  if (appid === '' || ![0, 1, 2].includes(get_type)) fail(40097);
  const matching = all.filter((rule) => rule.target_appid === appid);
  if (get_type === 0) return { rules: matching.slice(-RULES_PER_SERVICE_ACCOUNT), total: matching.length };
  if (get_type === 1) {
    if (prefix_list.length > MAX_PREFIX_LIST) fail(40097);
    const named = prefix_list.flatMap((prefix) => matching.filter((rule) => rule.prefix === prefix));
    return { rules: named, total: matching.length };
  }
  if (page_num < 1 || page_size < 1 || page_size > MAX_PAGE_SIZE) fail(40097);
  return { rules: matching.slice((page_num - 1) * page_size, page_num * page_size), total: matching.length };
}
