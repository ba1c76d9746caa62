import type { ControlBodyOf } from '@wxlocal/api';
import { ControlError, type ControlHandlers, type Scope } from '../../core/index.js';
import type { AuthorizationRow, Db } from '../../store/index.js';
import { requireAccount, requirePlatform } from '../accounts/control.js';
import { consumePreAuthCode, preAuthCodeProblem } from '../tokens/pre-auth-codes.js';
import { currentAuthorizerToken, secondsLeft } from '../tokens/slots.js';
import { authorize, revoke } from './authorize.js';
import { authorizedEvent, unauthorizedEvent } from './events.js';
import { funcInfoView, grantedSets } from './grants.js';
import { findAuthorization, listAuthorizations } from './store.js';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** An authorization with its refresh token and newest access token, both null once it is revoked. */
async function authorizationView(db: Db, row: AuthorizationRow, now: number) {
  const active = row.status === 'active';
  const token = active
    ? await currentAuthorizerToken(db, row.component_appid, row.authorizer_appid, now)
    : undefined;
  return {
    component_appid: row.component_appid,
    authorizer_appid: row.authorizer_appid,
    status: row.status,
    func_info: grantedSets(row),
    authorizer_refresh_token: active ? row.refresh_token : null,
    authorizer_access_token: token?.token ?? null,
    authorizer_access_token_expires_at: token ? seconds(token.expires_at) : null,
    authorized_at: seconds(row.authorized_at),
    updated_at: seconds(row.updated_at),
  };
}

/**
 * The account admin authorizes the component (again), on the control plane or on the authorization page
 * (which spends a pre_auth_code); the `authorized` / `updateauthorized` event is pushed after commit.
 */
export async function grantAuthorization(
  scope: Scope,
  body: ControlBodyOf<'authorizations.create'>,
  preAuthCode?: string,
) {
  const { tx, now } = scope;
  await requirePlatform(tx, body.component_appid);
  await requireAccount(tx, body.authorizer_appid);
  if (preAuthCode !== undefined) {
    const problem = await preAuthCodeProblem(tx, body.component_appid, preAuthCode, now);
    if (problem) throw new ControlError(400, problem);
    await consumePreAuthCode(tx, preAuthCode, now);
  }
  const result = await authorize(tx, body.component_appid, body.authorizer_appid, body.func_info, now);
  const event = authorizedEvent(body.component_appid, body.authorizer_appid, result, now, preAuthCode);
  if (event) scope.push(body.component_appid, event);
  return {
    authorization_code: result.authorizationCode,
    authorization_code_expires_at: seconds(result.codeExpiresAt),
    authorizer_access_token: result.accessToken.token,
    authorizer_refresh_token: result.authorization.refresh_token,
    expires_in: secondsLeft(result.accessToken, now),
    func_info: funcInfoView(grantedSets(result.authorization)),
    ...(result.withheld.length > 0 ? { withheld_func_info: result.withheld } : {}),
  };
}

export async function authorizationsList({ tx, now }: Scope) {
  const views = [];
  for (const row of await listAuthorizations(tx)) views.push(await authorizationView(tx, row, now));
  return views;
}

export const authorizationControl = {
  'authorizations.list': async (request) => ({ authorizations: await authorizationsList(request) }),
  'authorizations.create': (request) => grantAuthorization(request, request.body),
  async 'authorizations.revoke'(request) {
    const componentAppid = request.params.component_appid ?? '';
    const authorizerAppid = request.params.authorizer_appid ?? '';
    const row = await findAuthorization(request.tx, componentAppid, authorizerAppid);
    if (!row) throw new ControlError(404, `no authorization of ${componentAppid} by ${authorizerAppid}`);
    if (row.status !== 'active') throw new ControlError(409, 'the authorization is already revoked');
    const view = await authorizationView(request.tx, await revoke(request.tx, row, request.now), request.now);
    request.push(componentAppid, unauthorizedEvent(componentAppid, authorizerAppid, request.now));
    return view;
  },
} satisfies Partial<ControlHandlers>;
