export type { AuthorizationPage } from './authorization-url.js';
export type { Cache, Lock } from './cache/cache.js';
export { MemoryCache } from './cache/memory.js';
export { RedisCache, type RedisConnection } from './cache/redis.js';
export type { CallOptions } from './call-options.js';
export type * from './catalogue.generated.js';
export {
  type AuthorizerMethods,
  type CallToken,
  type ClientOptions,
  createClient,
  DEFAULT_BASE_URL,
  type GenericCallOptions,
  WeChatClient,
} from './client.js';
export { Credential, withToken } from './credential.js';
export type { EndpointEntry } from './endpoint-entry.js';
export {
  type AnyErrCode,
  type ErrCodeOf,
  HttpError,
  isTokenError,
  isWeChatError,
  MissingCredentialError,
  TOKEN_ERRCODES,
  WeChatError,
} from './errors.js';
export type { LogEvent, Logger } from './log.js';
export type {
  AuthorizationEvent,
  AuthorizedPush,
  PushHandlers,
  PushQuery,
  PushReceiver,
  PushReceiverOptions,
  PushReply,
  UnauthorizedPush,
  VerifyTicketPush,
} from './push.js';
export type { RetryOptions } from './retry.js';
export type { AuthorizationInfo, TokenManager } from './tokens.js';
export type { Hooks } from './transport.js';
