import type { Selectable } from 'kysely';
import type { Database, Db } from '../../store/index.js';
import { type AccountRow, accountFlags, headImgUrl } from '../accounts/accounts.js';

export type LinkRow = Selectable<Database['links']>;

/** Link status of link-miniprogram.md §2.2. */
export const LinkStatus = {
  linked: 1,
  waitingForMiniProgramAdmin: 2,
  refused: 3,
  waitingForOfficialAccountAdmin: 12,
} as const;

/** Statuses that hold a place in the subject quotas and the MP's link limit (a refusal does not). */
export const LIVE_STATUSES = [
  LinkStatus.linked,
  LinkStatus.waitingForMiniProgramAdmin,
  LinkStatus.waitingForOfficialAccountAdmin,
];

export function findLink(db: Db, officialAccount: string, miniprogram: string): Promise<LinkRow | undefined> {
  return db
    .selectFrom('links')
    .selectAll()
    .where('official_account', '=', officialAccount)
    .where('miniprogram', '=', miniprogram)
    .executeTakeFirst();
}

export function listLinks(db: Db, officialAccount?: string): Promise<LinkRow[]> {
  let query = db.selectFrom('links').selectAll();
  if (officialAccount) query = query.where('official_account', '=', officialAccount);
  return query.orderBy('created_at').orderBy('miniprogram').execute();
}

/** Writes the link record of the pair, replacing any earlier one. */
export async function saveLink(db: Db, link: LinkRow): Promise<LinkRow> {
  await removeLink(db, link);
  await db.insertInto('links').values(link).execute();
  return link;
}

export async function removeLink(
  db: Db,
  link: Pick<LinkRow, 'official_account' | 'miniprogram'>,
): Promise<void> {
  await db
    .deleteFrom('links')
    .where('official_account', '=', link.official_account)
    .where('miniprogram', '=', link.miniprogram)
    .execute();
}

/** OAs holding a live link or invitation to this Mini Program. */
export async function countLinksOfMiniProgram(db: Db, miniprogram: string): Promise<number> {
  const row = await db
    .selectFrom('links')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('miniprogram', '=', miniprogram)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Live links and invitations of the OA with MPs of the same subject (`same`) or of other subjects. */
export async function countSubjectLinks(db: Db, officialAccount: AccountRow, same: boolean): Promise<number> {
  const row = await db
    .selectFrom('links')
    .innerJoin('accounts', 'accounts.appid', 'links.miniprogram')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('links.official_account', '=', officialAccount.appid)
    .where('links.status', 'in', LIVE_STATUSES)
    .where('accounts.principal_name', same ? '=' : '!=', officialAccount.principal_name)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * An item of wxamplinkget (§4): a linked MP carries every field; an invitation or a refusal only status,
 * username, source, nickname, headimg_url and an empty func_infos.
 */
export function linkItem(link: LinkRow, miniProgram: AccountRow) {
  const common = { status: link.status, username: miniProgram.user_name };
  if (link.status !== LinkStatus.linked) {
    return {
      ...common,
      source: 'SOURCE_NORMAL',
      nickname: miniProgram.nickname,
      headimg_url: headImgUrl(miniProgram),
      func_infos: [],
    };
  }
  const flags = accountFlags(miniProgram);
  return {
    ...common,
    appid: miniProgram.appid,
    source: 'SOURCE_NORMAL',
    nickname: miniProgram.nickname,
    selected: link.show_profile,
    nearby_display_status: Number(flags.nearby_display),
    released: Number(flags.code_released),
    headimg_url: headImgUrl(miniProgram),
    func_infos: [
      { status: miniProgram.verified, id: 1, name: '微信认证' },
      { status: Number(flags.pay_enabled), id: 2, name: '微信支付' },
    ],
    email: miniProgram.admin_email,
  };
}

/** A link as the control plane shows it. */
export function linkView(link: LinkRow) {
  return {
    official_account: link.official_account,
    miniprogram: link.miniprogram,
    status: link.status,
    origin: link.origin,
    notify_users: link.notify_users,
    show_profile: link.show_profile,
    unlink_pending: link.unlink_pending === 1,
    created_at: Math.floor(link.created_at / 1000),
    updated_at: Math.floor(link.updated_at / 1000),
  };
}
