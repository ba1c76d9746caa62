import { chinaMonth } from '../../clock.js';
import { authorizerOf, type Call, fail, type Handlers } from '../../core/index.js';
import type { AccountRow, Db } from '../../store/index.js';
import { accountFlags } from '../accounts/flags.js';
import { findAccount, subjectsOf } from '../accounts/store.js';
import { consumeQuota } from '../quota/store.js';
import { LinkStatus } from './status.js';
import { countLinksOfMiniProgram, findLink, listLinks, liveLinkedMiniPrograms, saveLink } from './store.js';
import { linkItem } from './views.js';

/** Limits of docs/link-miniprogram.md §2.4. */
export const SAME_SUBJECT_LIMIT = 10;
export const DIFFERENT_SUBJECT_LIMIT = 3;
export const NEW_LINKS_PER_MONTH = 13;
export const OFFICIAL_ACCOUNTS_PER_MINI_PROGRAM = 500;

/** Any non-zero flag counts as 1 (docs/link-miniprogram.md §3: clients send 1, "1", true, "true"). */
const asFlag = (value: number) => (value === 0 ? 0 : 1);

export const linkHandlers = {
  /** Starts an invitation: status 12, waiting for the OA admin (docs/link-miniprogram.md §3). */
  async linkMiniprogram(call) {
    const { account: officialAccount } = authorizerOf(call);
    const miniProgram = await linkableMiniProgram(call, officialAccount);
    await checkNoLinkInProgress(call, officialAccount, miniProgram);
    await checkLimits(call, officialAccount, miniProgram);
    await saveLink(call.tx, {
      official_account: officialAccount.appid,
      miniprogram: miniProgram.appid,
      status: LinkStatus.waitingForOfficialAccountAdmin,
      origin: 'api',
      notify_users: asFlag(call.request.notify_users),
      show_profile: asFlag(call.request.show_profile),
      unlink_pending: 0,
      created_at: call.now,
      updated_at: call.now,
    });
    return {};
  },

  async getLinkMiniprogram(call) {
    const { account } = authorizerOf(call);
    const items = [];
    for (const link of await listLinks(call.tx, account.appid)) {
      const miniProgram = await findAccount(call.tx, link.miniprogram);
      if (miniProgram) items.push(linkItem(link, miniProgram));
    }
    return { wxopens: { items } };
  },

  /** Asks the OA admin to confirm an unlink (docs/link-miniprogram.md §5). */
  async unlinkMiniprogram(call) {
    const { account } = authorizerOf(call);
    const link = await findLink(call.tx, account.appid, call.request.appid);
    const miniProgram = await findAccount(call.tx, call.request.appid);
    if (!link || !miniProgram || link.status !== LinkStatus.linked) fail(40097);
    const flags = accountFlags(miniProgram);
    if (flags.banned) fail(89013);
    if (flags.nearby_display) fail(89011);
    if (flags.is_store_or_mall) fail(89012);
    if (link.unlink_pending === 1) fail(89018);
    await saveLink(call.tx, { ...link, unlink_pending: 1, updated_at: call.now });
    return {};
  },
} satisfies Partial<Handlers>;

/** Rules 2–5 of docs/link-miniprogram.md §3: a Mini Program that may be linked (-1, 89008, 89013, 89245). */
async function linkableMiniProgram(
  call: Call<'linkMiniprogram'>,
  officialAccount: AccountRow,
): Promise<AccountRow> {
  const miniProgram = call.request.appid ? await findAccount(call.tx, call.request.appid) : undefined;
  if (miniProgram?.type !== 'miniprogram') fail(-1);
  if (officialAccount.overseas === 1 || miniProgram.overseas === 1) fail(89008);
  const flags = accountFlags(miniProgram);
  if (flags.banned) fail(89013);
  if (!flags.allow_oa_link) fail(89245);
  return miniProgram;
}

/** Rules 6–8: an existing link or invitation (a refusal, status 3, does not block). */
async function checkNoLinkInProgress(
  call: Call<'linkMiniprogram'>,
  officialAccount: AccountRow,
  miniProgram: AccountRow,
): Promise<void> {
  const existing = await findLink(call.tx, officialAccount.appid, miniProgram.appid);
  if (!existing || existing.status === LinkStatus.refused) return;
  if (existing.status === LinkStatus.linked) fail(89015);
  if (existing.origin === 'console') fail(89035);
  fail(89010);
}

/** Rules 9–13: the MP admin's limits, the MP's link limit, the subject quotas, then the monthly quota. */
async function checkLimits(
  call: Call<'linkMiniprogram'>,
  officialAccount: AccountRow,
  miniProgram: AccountRow,
): Promise<void> {
  const flags = accountFlags(miniProgram);
  if (flags.bound_account_limit_reached) fail(1003);
  if (flags.phone_bound_limit_reached) fail(1005);
  if (flags.phone_blacklisted) fail(1006);
  if ((await countLinksOfMiniProgram(call.tx, miniProgram.appid)) >= OFFICIAL_ACCOUNTS_PER_MINI_PROGRAM)
    fail(89009);
  const sameSubject = miniProgram.principal_name === officialAccount.principal_name;
  const subjectLimit = sameSubject ? SAME_SUBJECT_LIMIT : DIFFERENT_SUBJECT_LIMIT;
  if ((await countSubjectLinks(call.tx, officialAccount, sameSubject)) >= subjectLimit) {
    fail(sameSubject ? 89016 : 89017);
  }
  const quota = `wxamplink:${officialAccount.appid}:month`;
  if (!(await consumeQuota(call.tx, quota, chinaMonth(call.now), NEW_LINKS_PER_MONTH))) fail(89007);
}

/** Live links and invitations of the OA with MPs of the same subject (`same`) or of other subjects. */
async function countSubjectLinks(db: Db, officialAccount: AccountRow, same: boolean): Promise<number> {
  const subjects = await subjectsOf(db, await liveLinkedMiniPrograms(db, officialAccount.appid));
  let count = 0;
  for (const subject of subjects.values()) {
    if ((subject === officialAccount.principal_name) === same) count += 1;
  }
  return count;
}
