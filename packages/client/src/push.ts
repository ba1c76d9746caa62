import type { PushKeys } from '@wxlocal/api';
import { loadPushCrypto } from './push-crypto.js';

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
  /** Called once a newer verify ticket is stored (an older one never replaces it, and is not handed over). */
  onVerifyTicket?: (push: VerifyTicketPush) => unknown;
  /** Called for authorized, updateauthorized and unauthorized; redeem the code with tokens.redeemAuthorizationCode. */
  onAuthorization?: (event: AuthorizationEvent) => unknown;
  /** Called for any other InfoType, with every field as text. */
  onOther?: (fields: Record<string, string>) => unknown;
  /**
   * A handler threw or the cache failed. The push is still answered `success`: WeChat would only push it
   * again. Without onError (and without the client's logger), the error goes to console.error.
   */
  onError?: (error: unknown, fields: Record<string, string>) => unknown;
}

export interface PushReceiverOptions extends PushHandlers {
  /**
   * A push whose timestamp is older than this is refused (HTTP 400), and so is a push already seen within it
   * (a replay, or WeChat's retry of a push already handled), which is not handled again. Default 300.
   */
  windowSeconds?: number;
  /** The time pushes are judged by, in milliseconds; default Date.now. Against wxlocal with a moved clock, its time. */
  now?: () => number;
}

/** What to answer WeChat: status and text body (`success` once the push is handled). */
export interface PushReply {
  status: number;
  body: string;
}

/** Query values as node:http (URLSearchParams), Express or Fastify (objects) hand them over. */
export type PushQuery = URLSearchParams | Record<string, unknown>;

/** Verifies, decrypts and handles one push; usable from any HTTP server. It never rejects. */
export type PushReceiver = (query: PushQuery, body: string) => Promise<PushReply>;

/** What the receiver does with the cache: tickets, revoked accounts, pushes already seen. */
export interface PushTokenSink {
  /** Stores the ticket unless a newer one is stored; false when it was older. */
  acceptTicket(ticket: string, createTime: number): Promise<boolean>;
  forgetAuthorizer(authorizerAppid: string): Promise<void>;
  /** True the first time a push id is seen within `ttlMs`, in every process sharing the cache. */
  firstSight(pushId: string, ttlMs: number): Promise<boolean>;
  /** Where a handler's failure goes when the receiver has no onError. */
  report(error: unknown, fields: Record<string, string>): void;
}

const DEFAULT_WINDOW_SECONDS = 300;
const SUCCESS: PushReply = { status: 200, body: 'success' };
/** A push seen within the window: a replay, or WeChat's retry of a push already handled. */
const ALREADY_RECEIVED: PushReply = { status: 400, body: 'push already received' };

export function createPushReceiver(
  keys: PushKeys,
  tokens: PushTokenSink,
  options: PushReceiverOptions = {},
): PushReceiver {
  const windowMs = (options.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000;
  const now = options.now ?? Date.now;
  return async (query, body) => {
    const values = queryValues(query);
    const opened = await verify(values, body, keys);
    if ('status' in opened) return opened;
    const age = now() - Number(values.timestamp) * 1000;
    if (!(age <= windowMs)) return { status: 400, body: 'timestamp is outside the replay window' };
    const { fields } = opened;
    try {
      const pushId = `${values.timestamp}:${values.nonce}:${values.msg_signature}`;
      if (!(await tokens.firstSight(pushId, windowMs))) return ALREADY_RECEIVED;
      await handle(fields, tokens, options);
    } catch (error) {
      await report(error, fields, options.onError ?? tokens.report);
    }
    return SUCCESS;
  };
}

/** Hands a failure over; a reporter that fails itself is ignored, so that the receiver never rejects. */
async function report(
  error: unknown,
  fields: Record<string, string>,
  to: (error: unknown, fields: Record<string, string>) => unknown,
): Promise<void> {
  try {
    await to(error, fields);
  } catch {
    // Nowhere left to report to.
  }
}

/** The push's fields, or the 400 answer of a push that is not genuine. */
async function verify(
  values: Record<string, string>,
  body: string,
  keys: PushKeys,
): Promise<{ fields: Record<string, string> } | PushReply> {
  const { openPush, PushCryptoError } = await loadPushCrypto();
  try {
    return { fields: openPush(values, body, keys) };
  } catch (error) {
    return { status: 400, body: error instanceof PushCryptoError ? error.message : 'not a WeChat push' };
  }
}

async function handle(
  fields: Record<string, string>,
  tokens: PushTokenSink,
  handlers: PushHandlers,
): Promise<void> {
  switch (fields.InfoType) {
    case 'component_verify_ticket': {
      const push = verifyTicketPush(fields);
      if (await tokens.acceptTicket(push.ComponentVerifyTicket, push.CreateTime)) {
        await handlers.onVerifyTicket?.(push);
      }
      break;
    }
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
  const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query ?? {});
  for (const [name, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && !(name in values)) values[name] = first;
  }
  return values;
}
