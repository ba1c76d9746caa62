import type { CoercedRequestOf, EndpointName, ResponseOf } from '@wxlocal/api';
import type { AccountRow, AuthorizationRow } from '../store/index.js';
import type { LiveWeb, Scope } from './effects.js';

/** Who is calling, as established by the token checks (docs/wire-protocol.md §7.1). */
export type Caller =
  | { kind: 'none' }
  | { kind: 'component'; componentAppid: string }
  | { kind: 'authorizer'; account: AccountRow; authorization: AuthorizationRow }
  | { kind: 'own'; account: AccountRow };

/** What a handler gets: the resolved caller and the coerced request, never HTTP details. */
export interface Call<N extends EndpointName> extends Scope {
  caller: Caller;
  request: CoercedRequestOf<N>;
  /** The caller's address, for texts that quote it. */
  ip: string;
  /** Set when domain verification fetches for real (`--verify-http`); the registry decides otherwise. */
  liveWeb: LiveWeb | undefined;
  /** Overrides "ok" on success (api_start_push_ticket's "in a normal state"). */
  successMessage?: string;
}

export type Handler<N extends EndpointName> = (call: Call<N>) => Promise<ResponseOf<N>>;
/** One handler per catalogue entry: a missing one does not compile. */
export type Handlers = { [N in EndpointName]: Handler<N> };

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
