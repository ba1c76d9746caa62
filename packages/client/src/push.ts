import { openPush, PushCryptoError, type PushKeys } from '@wxlocal/api';

/** The component_verify_ticket push, every 10 minutes (docs/tokens.md §4.1). */
export interface VerifyTicketPush {
  InfoType: 'component_verify_ticket';
  AppId: string;
  CreateTime: number;
  ComponentVerifyTicket: string;
}

/** An account authorized the component, or changed what it granted (docs/tokens.md §4.2). */
export interface AuthorizedPush {
  InfoType: 'authorized' | 'updateauthorized';
  AppId: string;
  CreateTime: number;
  AuthorizerAppid: string;
  AuthorizationCode: string;
  /** Unix seconds. */
  AuthorizationCodeExpiredTime: number;
  PreAuthCode: string;
}

export interface UnauthorizedPush {
  InfoType: 'unauthorized';
  AppId: string;
  CreateTime: number;
  AuthorizerAppid: string;
}

export type AuthorizationEvent = AuthorizedPush | UnauthorizedPush;

export interface PushHandlers {
  /** Called for authorized, updateauthorized and unauthorized; redeem the code with tokens.redeemAuthorizationCode. */
  onAuthorization?: (event: AuthorizationEvent) => unknown;
  /** Called for any other InfoType, with every field as text. */
  onOther?: (fields: Record<string, string>) => unknown;
}

/** What to answer WeChat: status and text body (`success` once the push is handled). */
export interface PushReply {
  status: number;
  body: string;
}

/** Query values as node:http (URLSearchParams), Express or Fastify (objects) hand them over. */
export type PushQuery = URLSearchParams | Record<string, unknown>;

/** Verifies, decrypts and handles one push; usable from any HTTP server. */
export type PushReceiver = (query: PushQuery, body: string) => Promise<PushReply>;

/** What the receiver does with the tokens: keep each new ticket, drop a revoked account's tokens. */
export interface PushTokenSink {
  storeTicket(ticket: string): Promise<void>;
  forgetAuthorizer(authorizerAppid: string): Promise<void>;
}

export function createPushReceiver(
  keys: PushKeys,
  tokens: PushTokenSink,
  handlers: PushHandlers = {},
): PushReceiver {
  return async (query, body) => {
    let fields: Record<string, string>;
    try {
      fields = openPush(queryValues(query), body, keys);
    } catch (error) {
      if (error instanceof PushCryptoError) return { status: 400, body: error.message };
      throw error;
    }
    switch (fields.InfoType) {
      case 'component_verify_ticket':
        await tokens.storeTicket(verifyTicketPush(fields).ComponentVerifyTicket);
        break;
      case 'unauthorized':
        // The refresh token died with the authorization; a later call should say so, not fail upstream.
        await tokens.forgetAuthorizer(fields.AuthorizerAppid ?? '');
        await handlers.onAuthorization?.(authorizationEvent(fields));
        break;
      case 'authorized':
      case 'updateauthorized':
        await handlers.onAuthorization?.(authorizationEvent(fields));
        break;
      default:
        await handlers.onOther?.(fields);
    }
    return { status: 200, body: 'success' };
  };
}

function verifyTicketPush(fields: Record<string, string>): VerifyTicketPush {
  return {
    InfoType: 'component_verify_ticket',
    AppId: fields.AppId ?? '',
    CreateTime: Number(fields.CreateTime),
    ComponentVerifyTicket: fields.ComponentVerifyTicket ?? '',
  };
}

function authorizationEvent(fields: Record<string, string>): AuthorizationEvent {
  const common = {
    AppId: fields.AppId ?? '',
    CreateTime: Number(fields.CreateTime),
    AuthorizerAppid: fields.AuthorizerAppid ?? '',
  };
  if (fields.InfoType === 'unauthorized') return { InfoType: 'unauthorized', ...common };
  return {
    InfoType: fields.InfoType === 'updateauthorized' ? 'updateauthorized' : 'authorized',
    ...common,
    AuthorizationCode: fields.AuthorizationCode ?? '',
    AuthorizationCodeExpiredTime: Number(fields.AuthorizationCodeExpiredTime),
    PreAuthCode: fields.PreAuthCode ?? '',
  };
}

/** The first value of each parameter, as WeChat's own servers read a query. */
function queryValues(query: PushQuery): Record<string, string> {
  const values: Record<string, string> = {};
  const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query);
  for (const [name, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && !(name in values)) values[name] = first;
  }
  return values;
}
