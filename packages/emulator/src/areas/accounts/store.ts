import type { AccountType } from '@wxlocal/api';
import { newEncodingAesKey } from '@wxlocal/api';
import { newAppid, newMessageToken, newSecret, newUserName } from '../../ids.js';
import type { AccountRow, Db, PlatformRow } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';
import { type AccountFlags, accountFlags, pickFlags } from './flags.js';

/** The accounts (Mini Programs and Official Accounts) and the platforms (components) WeChat knows. */

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
  /** `user_name`: the original id (原始ID) pushes name the account by. */
  original_id?: string;
  categories?: Category[];
  init_completed?: boolean;
  /** Privacy API names with or without `wx.`; null: every one (docs/code-management.md §13). */
  permitted_privacy_apis?: string[] | null;
}

/** A Mini Program's category, as get_category lists it (docs/code-management.md §6). */
export interface Category {
  first_class: string;
  first_id: number;
  second_class: string;
  second_id: number;
  third_class?: string;
  third_id?: number;
}

export type AccountChanges = Partial<
  Omit<NewAccount, 'appid' | 'type' | 'original_id'> &
    AccountFlags & { ip_whitelist: string[]; visit_status: 'open' | 'close' }
>;

/** The official sample category: every new Mini Program has it (docs/code-management.md §6). */
const DEFAULT_CATEGORIES: Category[] = [
  { first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 },
];

/** Privacy API names are kept without their `wx.` prefix. */
function privacyApiList(names: string[] | null | undefined): string | null {
  return names ? JSON.stringify([...new Set(names.map((name) => name.replace(/^wx\./, '')))]) : null;
}

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
    user_name: input.original_id ?? newUserName(),
    personal: Number(input.personal ?? false),
    overseas: Number(input.overseas ?? false),
    service_type: isOfficialAccount ? (input.service_type ?? 'service') : null,
    verified: Number(input.verified ?? isOfficialAccount),
    flags: JSON.stringify(pickFlags(input)),
    admin_email: input.admin_email ?? `admin@${appid}.example.com`,
    ip_whitelist: '[]',
    search_status: 0,
    created_at: now,
    categories: JSON.stringify(input.categories ?? DEFAULT_CATEGORIES),
    init_completed: Number(input.init_completed ?? true),
    permitted_privacy_apis: privacyApiList(input.permitted_privacy_apis),
    visit_status: 'open',
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
    categories: changes.categories ? JSON.stringify(changes.categories) : account.categories,
    init_completed:
      changes.init_completed === undefined ? account.init_completed : Number(changes.init_completed),
    permitted_privacy_apis:
      changes.permitted_privacy_apis === undefined
        ? account.permitted_privacy_apis
        : privacyApiList(changes.permitted_privacy_apis),
    visit_status: changes.visit_status ?? account.visit_status,
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

/** setSearchStatus's one write (docs/search-status.md §2). */
export const saveSearchStatus = preparedQuery((db, status: number, appid: string) =>
  db.updateTable('accounts').set({ search_status: status }).where('appid', '=', appid),
);

/** The subject (principal_name) of each of these accounts that exists. */
/** The account whose original id (`user_name`) this is. */
export function findAccountByUserName(db: Db, userName: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('user_name', '=', userName).executeTakeFirst();
}

export async function subjectsOf(db: Db, appids: string[]): Promise<Map<string, string>> {
  if (appids.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['appid', 'principal_name'])
    .where('appid', 'in', appids)
    .execute();
  return new Map(rows.map((row) => [row.appid, row.principal_name]));
}

export interface NewPlatform {
  appid?: string;
  secret?: string;
  name?: string;
  published?: boolean;
  /** Where WeChat pushes tickets and authorization events (授权事件接收URL); none: nothing is pushed. */
  auth_event_url?: string | null;
  message_token?: string;
  encoding_aes_key?: string;
  /** Where audit results are pushed (消息与事件接收URL), `$APPID$` replaced; none: not pushed. */
  message_url?: string | null;
  audit_policy?: AuditPolicy | null;
  audit_quota?: { limit: number; speedup_limit: number };
  privacy_scan_seconds?: number;
}

/** Audits decided `after_seconds` after their submission, without a reviewer (docs/code-management.md §2). */
export interface AuditPolicy {
  result: 'pass' | 'reject';
  after_seconds: number;
}

export interface PlatformChanges {
  secret?: string;
  name?: string;
  published?: boolean;
  /** The authorization test list: accounts that may use an unpublished platform. */
  test_accounts?: string[];
  /** API IP allow-list; empty means any caller (61004 otherwise). */
  ip_whitelist?: string[];
  auth_event_url?: string | null;
  message_token?: string;
  encoding_aes_key?: string;
  message_url?: string | null;
  audit_policy?: AuditPolicy | null;
  audit_quota?: { limit: number; speedup_limit: number };
  privacy_scan_seconds?: number;
}

export async function createPlatform(db: Db, input: NewPlatform, now: number): Promise<PlatformRow> {
  const appid = input.appid ?? newAppid();
  const row: PlatformRow = {
    appid,
    secret: input.secret ?? newSecret(),
    name: input.name ?? `Platform ${appid.slice(-4)}`,
    published: Number(input.published ?? false),
    test_accounts: '[]',
    ip_whitelist: '[]',
    auth_event_url: input.auth_event_url ?? null,
    message_token: input.message_token ?? newMessageToken(),
    encoding_aes_key: input.encoding_aes_key ?? newEncodingAesKey(),
    last_pushed_ticket: null,
    created_at: now,
    message_url: input.message_url ?? null,
    audit_policy: input.audit_policy ? JSON.stringify(input.audit_policy) : null,
    audit_limit: input.audit_quota?.limit ?? 100,
    speedup_limit: input.audit_quota?.speedup_limit ?? 10,
    privacy_scan_seconds: input.privacy_scan_seconds ?? 0,
  };
  await db.insertInto('platforms').values(row).execute();
  return row;
}

export async function updatePlatform(
  db: Db,
  platform: PlatformRow,
  changes: PlatformChanges,
): Promise<PlatformRow> {
  const next: PlatformRow = {
    ...platform,
    secret: changes.secret ?? platform.secret,
    name: changes.name ?? platform.name,
    published: changes.published === undefined ? platform.published : Number(changes.published),
    test_accounts: changes.test_accounts ? JSON.stringify(changes.test_accounts) : platform.test_accounts,
    ip_whitelist: changes.ip_whitelist ? JSON.stringify(changes.ip_whitelist) : platform.ip_whitelist,
    auth_event_url: changes.auth_event_url === undefined ? platform.auth_event_url : changes.auth_event_url,
    message_token: changes.message_token ?? platform.message_token,
    encoding_aes_key: changes.encoding_aes_key ?? platform.encoding_aes_key,
    message_url: changes.message_url === undefined ? platform.message_url : changes.message_url,
    audit_policy:
      changes.audit_policy === undefined
        ? platform.audit_policy
        : changes.audit_policy && JSON.stringify(changes.audit_policy),
    audit_limit: changes.audit_quota?.limit ?? platform.audit_limit,
    speedup_limit: changes.audit_quota?.speedup_limit ?? platform.speedup_limit,
    privacy_scan_seconds: changes.privacy_scan_seconds ?? platform.privacy_scan_seconds,
  };
  await db.updateTable('platforms').set(next).where('appid', '=', platform.appid).execute();
  return next;
}

export const findPlatform = preparedQuery((db, appid: string) =>
  db.selectFrom('platforms').selectAll().where('appid', '=', appid),
);

export function listPlatforms(db: Db): Promise<PlatformRow[]> {
  return db.selectFrom('platforms').selectAll().orderBy('created_at').execute();
}

/** The platform's audit policy, if it has one. */
export function auditPolicyOf(platform: PlatformRow): AuditPolicy | null {
  return platform.audit_policy ? (JSON.parse(platform.audit_policy) as AuditPolicy) : null;
}

/** The verify ticket last pushed to the platform, so that each is pushed once (docs/tokens.md §4.1). */
export async function markTicketPushed(db: Db, appid: string, ticket: string): Promise<void> {
  await db.updateTable('platforms').set({ last_pushed_ticket: ticket }).where('appid', '=', appid).execute();
}
