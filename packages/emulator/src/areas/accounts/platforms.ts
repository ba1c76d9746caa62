import { newEncodingAesKey } from '@wxlocal/api';
import type { Selectable } from 'kysely';
import { newAppid, newMessageToken, newSecret } from '../../ids.js';
import type { Database, Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

export type PlatformRow = Selectable<Database['platforms']>;

export interface NewPlatform {
  appid?: string;
  secret?: string;
  name?: string;
  published?: boolean;
  /** Where WeChat pushes tickets and authorization events (授权事件接收URL); none: nothing is pushed. */
  auth_event_url?: string | null;
  message_token?: string;
  encoding_aes_key?: string;
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

export function platformView(platform: PlatformRow) {
  return {
    appid: platform.appid,
    secret: platform.secret,
    name: platform.name,
    published: platform.published === 1,
    test_accounts: JSON.parse(platform.test_accounts) as string[],
    ip_whitelist: JSON.parse(platform.ip_whitelist) as string[],
    auth_event_url: platform.auth_event_url,
    message_token: platform.message_token,
    encoding_aes_key: platform.encoding_aes_key,
  };
}
