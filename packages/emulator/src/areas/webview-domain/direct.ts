import { authorizerOf, type Call, type Handlers } from '../../http/handler.js';
import { fail } from '../../http/wx-error.js';
import type { Db } from '../../store/index.js';
import type { AccountRow } from '../accounts/accounts.js';
import { confirmFileAtRoot, confirmFileOf } from '../web/web.js';
import {
  entryKey,
  hostOfEntry,
  includesEntry,
  saveWebviewDomains,
  union,
  webviewDomainsOf,
  without,
} from './lists.js';

/** At most 300 business domains per Mini Program; one domain for the MPs of at most 100 subjects (§3). */
export const MAX_WEBVIEW_DOMAINS = 300;
export const MAX_SUBJECTS_PER_DOMAIN = 100;
const ACTIONS = ['add', 'delete', 'set', 'get'];

export const directHandlers: Handlers = {
  /** setwebviewdomain_directly: the `direct` list, in the rule order of §3. */
  async modifyJumpDomainDirectly(call) {
    const { account } = authorizerOf(call);
    const { action, webviewdomain: entries } = call.request;
    if (!ACTIONS.includes(action)) fail(40052);
    if (account.personal === 1) fail(89231);
    const lists = await webviewDomainsOf(call.tx, account.appid);
    if (action === 'get') return { webviewdomain: lists.direct };
    if (action !== 'set' && entries.length === 0) fail(40097);
    if (entries.some((entry) => hostOfEntry(entry) === null)) fail(40097);

    const direct =
      action === 'delete'
        ? without(lists.direct, entries)
        : union(action === 'set' ? [] : lists.direct, entries);
    if (direct.length > MAX_WEBVIEW_DOMAINS) fail(89029);
    if (action !== 'delete')
      await verifyNewEntries(
        call,
        account,
        entries.filter((e) => !includesEntry(lists.direct, e)),
      );
    await saveWebviewDomains(call.tx, account.appid, { ...lists, direct });
    return {};
  },

  async getJumpDomainConfirmFile(call) {
    return confirmFileOf(call.tx, authorizerOf(call).account.appid);
  },

  async getEffectiveJumpDomain(call) {
    const lists = await webviewDomainsOf(call.tx, authorizerOf(call).account.appid);
    return {
      mp_webviewdomain: lists.mp,
      third_webviewdomain: lists.third,
      direct_webviewdomain: lists.direct,
      effective_webviewdomain: lists.effective,
    };
  },
};

/** New entries: 506015 for a domain already bound by 100 other subjects, then 86103 without the confirm file. */
async function verifyNewEntries(
  call: Call<'modifyJumpDomainDirectly'>,
  account: AccountRow,
  entries: string[],
) {
  for (const entry of entries) {
    if (
      (await otherSubjectsUsing(call.tx, entryKey(entry), account.principal_name)) >= MAX_SUBJECTS_PER_DOMAIN
    ) {
      fail(506015);
    }
  }
  for (const entry of entries) {
    const host = hostOfEntry(entry) ?? '';
    const verified =
      (await call.web.icpFiled(call.tx, host)) &&
      (await confirmFileAtRoot(call.web, call.tx, account.appid, host));
    if (!verified) fail(86103);
  }
}

/** Distinct subjects, other than `subject`, whose Mini Programs have the domain in their direct or effective list. */
async function otherSubjectsUsing(db: Db, key: string, subject: string): Promise<number> {
  const rows = await db
    .selectFrom('webview_domains')
    .innerJoin('accounts', 'accounts.appid', 'webview_domains.appid')
    .select(['accounts.principal_name', 'webview_domains.direct', 'webview_domains.effective'])
    .where('accounts.principal_name', '!=', subject)
    .execute();
  const subjects = new Set<string>();
  for (const row of rows) {
    const lists = [...JSON.parse(row.direct), ...JSON.parse(row.effective)] as string[];
    if (lists.some((entry) => entryKey(entry) === key)) subjects.add(row.principal_name);
  }
  return subjects.size;
}
