import type { AccountType } from '@wxlocal/api';
import type { Selectable } from 'kysely';
import { newAppid, newSecret, newUserName } from '../../ids.js';
import type { Database, Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

export type AccountRow = Selectable<Database['accounts']>;

/** Switches set by WeChat or an admin, with their defaults; each area adds the ones its rules read. */
export const flagDefaults = {
  search_banned: false,
  banned: false,
  code_released: false,
  secret_frozen: false,
  // Linking (link-miniprogram.md §2.1): the MP admin's switches and limits.
  allow_oa_link: true,
  nearby_display: false,
  is_store_or_mall: false,
  pay_enabled: false,
  bound_account_limit_reached: false,
  phone_bound_limit_reached: false,
  phone_blacklisted: false,
  // QR-code jump rules (qrcode-jump.md §2.3): the feature switch reported by qrcodejumpget.
  qrcodejump_open: true,
};
export type AccountFlag = keyof typeof flagDefaults;
export type AccountFlags = Record<AccountFlag, boolean>;
export const accountFlagNames = Object.keys(flagDefaults) as AccountFlag[];

export interface NewAccount {
  appid?: string;
  secret?: string;
  type: AccountType;
  nickname?: string;
  principal_name?: string;
  personal?: boolean;
  overseas?: boolean;
  service_type?: 'service' | 'subscription';
  verified?: boolean;
  admin_email?: string;
}

export type AccountChanges = Partial<
  Omit<NewAccount, 'appid' | 'type'> & AccountFlags & { ip_whitelist: string[] }
>;

export async function createAccount(
  db: Db,
  input: NewAccount & Partial<AccountFlags>,
  now: number,
): Promise<AccountRow> {
  const appid = input.appid ?? newAppid();
  const isOfficialAccount = input.type === 'official_account';
  const row: AccountRow = {
    appid,
    secret: input.secret ?? newSecret(),
    type: input.type,
    nickname:
      input.nickname ??
      (isOfficialAccount ? `Official Account ${appid.slice(-4)}` : `Mini Program ${appid.slice(-4)}`),
    principal_name: input.principal_name ?? 'wxlocal Demo Co., Ltd.',
    user_name: newUserName(),
    personal: Number(input.personal ?? false),
    overseas: Number(input.overseas ?? false),
    service_type: isOfficialAccount ? (input.service_type ?? 'service') : null,
    verified: Number(input.verified ?? isOfficialAccount),
    flags: JSON.stringify(pickFlags(input)),
    admin_email: input.admin_email ?? `admin@${appid}.example.com`,
    ip_whitelist: '[]',
    search_status: 0,
    created_at: now,
  };
  await db.insertInto('accounts').values(row).execute();
  return row;
}

export async function updateAccount(
  db: Db,
  account: AccountRow,
  changes: AccountChanges,
): Promise<AccountRow> {
  const flags = { ...accountFlags(account), ...pickFlags(changes) };
  const next: AccountRow = {
    ...account,
    secret: changes.secret ?? account.secret,
    nickname: changes.nickname ?? account.nickname,
    principal_name: changes.principal_name ?? account.principal_name,
    personal: changes.personal === undefined ? account.personal : Number(changes.personal),
    overseas: changes.overseas === undefined ? account.overseas : Number(changes.overseas),
    service_type: account.type === 'official_account' ? (changes.service_type ?? account.service_type) : null,
    verified: changes.verified === undefined ? account.verified : Number(changes.verified),
    admin_email: changes.admin_email ?? account.admin_email,
    flags: JSON.stringify(flags),
    ip_whitelist: changes.ip_whitelist ? JSON.stringify(changes.ip_whitelist) : account.ip_whitelist,
  };
  await db.updateTable('accounts').set(next).where('appid', '=', account.appid).execute();
  return next;
}

export const findAccount = preparedQuery((db, appid: string) =>
  db.selectFrom('accounts').selectAll().where('appid', '=', appid),
);

export function listAccounts(db: Db): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('created_at').execute();
}

/** The flags named in `input`, over the defaults. */
function pickFlags(input: Partial<AccountFlags>): Partial<AccountFlags> {
  const flags: Partial<AccountFlags> = {};
  for (const name of accountFlagNames) if (input[name] !== undefined) flags[name] = input[name];
  return flags;
}

export function accountFlags(account: AccountRow): AccountFlags {
  return { ...flagDefaults, ...(JSON.parse(account.flags) as Partial<AccountFlags>) };
}

/** The account's avatar URL, as WeChat lists it. */
export function headImgUrl(account: AccountRow): string {
  return `http://wx.qlogo.cn/mmopen/${account.appid}/0`;
}

/** The account as the control plane shows it. */
export function accountView(account: AccountRow) {
  return {
    appid: account.appid,
    secret: account.secret,
    type: account.type,
    nickname: account.nickname,
    principal_name: account.principal_name,
    user_name: account.user_name,
    personal: account.personal === 1,
    overseas: account.overseas === 1,
    service_type: account.service_type,
    verified: account.verified === 1,
    admin_email: account.admin_email,
    ...accountFlags(account),
    ip_whitelist: JSON.parse(account.ip_whitelist) as string[],
    search_status: account.search_status,
  };
}
