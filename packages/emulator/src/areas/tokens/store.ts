import { sql } from 'kysely';
import type { Db, TokenRow } from '../../store/index.js';
import { preparedQuery, preparedRows } from '../../store/prepared.js';

/** The token plane's state: access tokens of every kind, verify tickets, pre_auth_codes, forced refreshes. */

export const findToken = preparedQuery((db, token: string) =>
  db.selectFrom('tokens').selectAll().where('token', '=', token),
);

const insertTokenRow = preparedRows(
  (
    db,
    token: string,
    kind: TokenRow['kind'],
    appid: string,
    componentAppid: string | null,
    slot: string,
    issuedAt: number,
    expiresAt: number,
    usableUntil: number | null,
  ) =>
    db.insertInto('tokens').values({
      token,
      kind,
      appid,
      component_appid: componentAppid,
      slot,
      issued_at: issuedAt,
      expires_at: expiresAt,
      usable_until: usableUntil,
    }),
);

export function insertToken(db: Db, row: TokenRow): Promise<unknown> {
  const { token, kind, appid, component_appid, slot, issued_at, expires_at, usable_until } = row;
  return insertTokenRow(db, token, kind, appid, component_appid, slot, issued_at, expires_at, usable_until);
}

/**
 * The live tokens of a slot still usable after `until`: the few a new one supersedes. Two index seeks rather
 * than one OR, which SQLite answers by reading every token the slot ever had.
 */
export const tokensUsableAfter = preparedRows((db, slot: string, now: number, until: number) => {
  const live = db
    .selectFrom('tokens')
    .select(['token', 'expires_at', 'usable_until'])
    .where('slot', '=', slot)
    .where('expires_at', '>', now);
  return live.where('usable_until', 'is', null).unionAll(live.where('usable_until', '>', until));
});

const endToken = preparedRows((db, token: string, usableUntil: number) =>
  db.updateTable('tokens').set({ usable_until: usableUntil }).where('token', '=', token),
);

export async function endTokenAt(db: Db, token: string, usableUntil: number): Promise<void> {
  await endToken(db, token, usableUntil);
}

/**
 * The newest token of a slot that is still usable, if any: the same two index seeks. Of two issued in the same
 * millisecond the later sorts after the earlier (docs/tokens.md, "Token shapes").
 */
export const currentToken = preparedQuery((db, slot: string, now: number) => {
  const live = db.selectFrom('tokens').selectAll().where('slot', '=', slot).where('expires_at', '>', now);
  return live
    .where('usable_until', 'is', null)
    .unionAll(live.where('usable_until', '>', now))
    .orderBy('issued_at', 'desc')
    .orderBy('token', 'desc')
    .limit(sql.lit(1));
});

export interface VerifyTicket {
  ticket: string;
  issued_at: number;
  expires_at: number;
}

export async function insertTicket(db: Db, componentAppid: string, ticket: VerifyTicket): Promise<void> {
  await db
    .insertInto('verify_tickets')
    .values({ ...ticket, component_appid: componentAppid })
    .execute();
}

export function latestTicket(db: Db, componentAppid: string): Promise<VerifyTicket | undefined> {
  return db
    .selectFrom('verify_tickets')
    .select(['ticket', 'issued_at', 'expires_at'])
    .where('component_appid', '=', componentAppid)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findTicket(db: Db, ticket: string) {
  return db
    .selectFrom('verify_tickets')
    .select(['component_appid', 'expires_at'])
    .where('ticket', '=', ticket)
    .executeTakeFirst();
}

export async function insertPreAuthCode(
  db: Db,
  code: string,
  componentAppid: string,
  expiresAt: number,
): Promise<void> {
  await db
    .insertInto('pre_auth_codes')
    .values({ code, component_appid: componentAppid, expires_at: expiresAt, used_at: null })
    .execute();
}

export function findPreAuthCode(db: Db, code: string) {
  return db.selectFrom('pre_auth_codes').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function markPreAuthCodeUsed(db: Db, code: string, now: number): Promise<void> {
  await db.updateTable('pre_auth_codes').set({ used_at: now }).where('code', '=', code).execute();
}

/** When the account last forced a stable-token refresh. */
export async function lastForcedRefresh(db: Db, appid: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('stable_token_forces')
    .select('forced_at')
    .where('appid', '=', appid)
    .executeTakeFirst();
  return row?.forced_at;
}

export async function recordForcedRefresh(db: Db, appid: string, now: number): Promise<void> {
  await db
    .insertInto('stable_token_forces')
    .values({ appid, forced_at: now })
    .onConflict((oc) => oc.column('appid').doUpdateSet({ forced_at: now }))
    .execute();
}

/**
 * Drops up to `limit` rows of each kind that no call can tell from a missing one any more (docs/tokens.md §2):
 * tokens cut short by a newer one once their grace has passed, tokens and tickets expired before
 * `expiredBefore`, pre_auth_codes expired before `preAuthCodesBefore`. How many went.
 */
export async function pruneTokenPlane(
  db: Db,
  now: number,
  { expiredBefore, preAuthCodesBefore }: { expiredBefore: number; preAuthCodesBefore: number },
  limit: number,
): Promise<number> {
  const counts = await Promise.all([
    db
      .deleteFrom('tokens')
      .where('token', 'in', (eb) =>
        eb
          .selectFrom('tokens')
          .select('token')
          .where('usable_until', '<=', now)
          .whereRef('usable_until', '<', 'expires_at')
          .limit(limit),
      )
      .executeTakeFirst(),
    db
      .deleteFrom('tokens')
      .where('token', 'in', (eb) =>
        eb.selectFrom('tokens').select('token').where('expires_at', '<', expiredBefore).limit(limit),
      )
      .executeTakeFirst(),
    db
      .deleteFrom('verify_tickets')
      .where('ticket', 'in', (eb) =>
        eb.selectFrom('verify_tickets').select('ticket').where('expires_at', '<', expiredBefore).limit(limit),
      )
      .executeTakeFirst(),
    db
      .deleteFrom('pre_auth_codes')
      .where('code', 'in', (eb) =>
        eb
          .selectFrom('pre_auth_codes')
          .select('code')
          .where('expires_at', '<', preAuthCodesBefore)
          .limit(limit),
      )
      .executeTakeFirst(),
  ]);
  return counts.reduce((sum, result) => sum + Number(result.numDeletedRows), 0);
}
