import { authorizerOf, type Call, fail, type Handlers } from '../../core/index.js';
import type { AccountRow, Db } from '../../store/index.js';
import { subjectsOf } from '../accounts/store.js';
import { DOMAIN_ACTIONS, entryKey, hasEntry, unionEntries, withoutEntries } from '../web/domain-entries.js';
import { confirmFileAtRoot, confirmFileOf, icpFiled } from '../web/verify.js';
import { businessDomainHost } from './entries.js';
import { boundWebviewDomains, saveWebviewDomains, webviewDomainsInForce, webviewDomainsOf } from './store.js';

/** At most 300 business domains per Mini Program; one domain for the MPs of at most 100 subjects (docs/webview-domain.md §3). */
export const MAX_WEBVIEW_DOMAINS = 300;
export const MAX_SUBJECTS_PER_DOMAIN = 100;

export const directHandlers = {
  /** setwebviewdomain_directly: the `direct` list, in the rule order of docs/webview-domain.md §3. */
  async modifyJumpDomainDirectly(call) {
    const { account } = authorizerOf(call);
    const { action, webviewdomain: entries } = call.request;
    if (!DOMAIN_ACTIONS.includes(action)) fail(40052);
    if (account.personal === 1) fail(89231);
    const lists = await webviewDomainsOf(call.tx, account.appid);
    if (action === 'get') return { webviewdomain: lists.direct };
    if (action !== 'set' && entries.length === 0) fail(40097);
    if (entries.some((entry) => businessDomainHost(entry) === null)) fail(40097);

    const direct =
      action === 'delete'
        ? withoutEntries(lists.direct, entries)
        : unionEntries(action === 'set' ? [] : lists.direct, entries);
    if (direct.length > MAX_WEBVIEW_DOMAINS) fail(89029);
    if (action !== 'delete')
      await verifyNewEntries(
        call,
        account,
        entries.filter((e) => !hasEntry(lists.direct, e)),
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
      effective_webviewdomain: webviewDomainsInForce(lists),
    };
  },
} satisfies Partial<Handlers>;

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
    const host = businessDomainHost(entry) ?? '';
    const verified =
      (await icpFiled(call.tx, host)) &&
      (await confirmFileAtRoot(call.tx, call.liveWeb, account.appid, host));
    if (!verified) fail(86103);
  }
}

/** Distinct subjects, other than `subject`, whose Mini Programs have the domain in their direct or in-force list. */
async function otherSubjectsUsing(db: Db, key: string, subject: string): Promise<number> {
  const rows = await boundWebviewDomains(db);
  const subjectOf = await subjectsOf(
    db,
    rows.map((row) => row.appid),
  );
  const subjects = new Set<string>();
  for (const row of rows) {
    const principal = subjectOf.get(row.appid);
    if (principal === undefined || principal === subject) continue;
    if (row.domains.some((entry) => entryKey(entry) === key)) subjects.add(principal);
  }
  return subjects.size;
}
