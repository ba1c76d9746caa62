import type { Selectable } from 'kysely';
import { newAppid, newSecret } from '../../ids.js';
import type { Database, Db } from '../../store/index.js';

export type PlatformRow = Selectable<Database['platforms']>;

export interface NewPlatform {
  appid?: string;
  secret?: string;
  name?: string;
  published?: boolean;
}

export interface PlatformChanges {
  secret?: string;
  name?: string;
  published?: boolean;
  /** The authorization test list: accounts that may use an unpublished platform. */
  test_accounts?: string[];
  /** API IP allow-list; empty means any caller (61004 otherwise). */
  ip_whitelist?: string[];
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
  };
  await db.updateTable('platforms').set(next).where('appid', '=', platform.appid).execute();
  return next;
}

export function findPlatform(db: Db, appid: string): Promise<PlatformRow | undefined> {
  return db.selectFrom('platforms').selectAll().where('appid', '=', appid).executeTakeFirst();
}

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
  };
}
