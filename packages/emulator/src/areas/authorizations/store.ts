import type { AuthorizationRow, Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

/** Authorizations (component × authorizer) and the authorization codes that redeem them. */

export const findAuthorization = preparedQuery((db, componentAppid: string, authorizerAppid: string) =>
  db
    .selectFrom('authorizations')
    .selectAll()
    .where('component_appid', '=', componentAppid)
    .where('authorizer_appid', '=', authorizerAppid),
);

export function listAuthorizations(db: Db): Promise<AuthorizationRow[]> {
  return db.selectFrom('authorizations').selectAll().orderBy('authorized_at').execute();
}

/** Every active authorization the account has given, whichever component holds it. */
export function activeAuthorizationsOf(db: Db, authorizerAppid: string): Promise<AuthorizationRow[]> {
  return db
    .selectFrom('authorizations')
    .selectAll()
    .where('authorizer_appid', '=', authorizerAppid)
    .where('status', '=', 'active')
    .execute();
}

export type ListedAuthorization = Pick<
  AuthorizationRow,
  'authorizer_appid' | 'refresh_token' | 'redeemed' | 'updated_at'
>;

/**
 * The component's active authorizations, ordered by the second of their latest authorize, then appid: the
 * `limit` from `offset` on. An active row was last written by its latest authorize, so `updated_at` holds that
 * time (`authorized_at` keeps the first).
 */
export function activeAuthorizationsPage(
  db: Db,
  componentAppid: string,
  offset: number,
  limit: number,
): Promise<ListedAuthorization[]> {
  return (
    db
      .selectFrom('authorizations')
      .select(['authorizer_appid', 'refresh_token', 'redeemed', 'updated_at'])
      .where('component_appid', '=', componentAppid)
      .where('status', '=', 'active')
      // A literal divisor: a bound number would make SQLite divide as reals, and the second would not tie.
      .orderBy((eb) => eb('updated_at', '/', eb.lit(1000)))
      .orderBy('authorizer_appid')
      .limit(limit)
      .offset(offset)
      .execute()
  );
}

export async function countActiveAuthorizations(db: Db, componentAppid: string): Promise<number> {
  const row = await db
    .selectFrom('authorizations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('component_appid', '=', componentAppid)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** api_query_auth handed the component the pair's refresh token; `updated_at` stays the authorize time. */
export async function markRedeemed(db: Db, componentAppid: string, authorizerAppid: string): Promise<void> {
  await db
    .updateTable('authorizations')
    .set({ redeemed: 1 })
    .where('component_appid', '=', componentAppid)
    .where('authorizer_appid', '=', authorizerAppid)
    .where('redeemed', '=', 0)
    .execute();
}

/** Writes the authorization of its pair: `replacing` says whether one is already stored. */
export async function saveAuthorization(db: Db, row: AuthorizationRow, replacing: boolean): Promise<void> {
  if (!replacing) {
    await db.insertInto('authorizations').values(row).execute();
    return;
  }
  await db
    .updateTable('authorizations')
    .set(row)
    .where('component_appid', '=', row.component_appid)
    .where('authorizer_appid', '=', row.authorizer_appid)
    .execute();
}

export interface AuthorizationCode {
  code: string;
  component_appid: string;
  authorizer_appid: string;
  expires_at: number;
}

export async function insertAuthorizationCode(db: Db, code: AuthorizationCode): Promise<void> {
  await db.insertInto('authorization_codes').values(code).execute();
}

export function findAuthorizationCode(db: Db, code: string): Promise<AuthorizationCode | undefined> {
  return db.selectFrom('authorization_codes').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The pair's codes stop redeeming (a revocation ends them). */
export async function deleteAuthorizationCodes(db: Db, componentAppid: string, authorizerAppid: string) {
  await db
    .deleteFrom('authorization_codes')
    .where('component_appid', '=', componentAppid)
    .where('authorizer_appid', '=', authorizerAppid)
    .execute();
}

/** Drops up to `limit` codes expired before `expiredBefore`; how many went. */
export async function pruneAuthorizationCodes(db: Db, expiredBefore: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('authorization_codes')
    .where('code', 'in', (eb) =>
      eb
        .selectFrom('authorization_codes')
        .select('code')
        .where('expires_at', '<', expiredBefore)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
