import type { CoercedRequestOf, EndpointName, ResponseOf } from '@wxlocal/api';
import type { AccountRow } from '../areas/accounts/accounts.js';
import type { AuthorizationRow } from '../areas/tokens/authorizations.js';
import type { Web } from '../areas/web/web.js';
import type { Pusher } from '../push/pusher.js';
import type { Tx } from '../store/index.js';

/** Who is calling, as established by the token checks (wire-protocol §7.1). */
export type Caller =
  | { kind: 'none' }
  | { kind: 'component'; componentAppid: string }
  | { kind: 'authorizer'; account: AccountRow; authorization: AuthorizationRow }
  | { kind: 'own'; account: AccountRow };

/** What a handler gets: the resolved caller and the coerced request, never HTTP details. */
export interface Call<N extends EndpointName> {
  tx: Tx;
  /** Emulated time of the request, Unix ms. */
  now: number;
  caller: Caller;
  request: CoercedRequestOf<N>;
  /** The caller's address, for texts that quote it. */
  ip: string;
  /** Files served on the web and ICP filings, for domain verification. */
  web: Web;
  /** WeChat's pushes to the platforms' callbacks. */
  pusher: Pusher;
  /** Runs `task` once the call's transaction has committed (never for a failed call). */
  afterCommit(task: () => void): void;
  /** Overrides "ok" on success (api_start_push_ticket's "in a normal state"). */
  successMessage?: string;
}

export type Handler<N extends EndpointName> = (call: Call<N>) => Promise<ResponseOf<N>>;
export type Handlers = { [N in EndpointName]?: Handler<N> };

export function authorizerOf(call: Call<EndpointName>): {
  account: AccountRow;
  authorization: AuthorizationRow;
} {
  if (call.caller.kind !== 'authorizer') throw new Error('handler needs an authorizer caller');
  return call.caller;
}

/** The account a call acts for, whether through an authorizer token or the account's own token. */
export function accountOf(call: Call<EndpointName>): AccountRow {
  if (call.caller.kind !== 'authorizer' && call.caller.kind !== 'own')
    throw new Error('handler needs an account');
  return call.caller.account;
}

export function componentOf(call: Call<EndpointName>): string {
  if (call.caller.kind !== 'component') throw new Error('handler needs a component caller');
  return call.caller.componentAppid;
}
