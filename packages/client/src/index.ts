export type { Cache, Lock } from './cache/cache.js';
export { MemoryCache } from './cache/memory.js';
export { RedisCache, type RedisConnection } from './cache/redis.js';
export { type ClientOptions, createClient, DEFAULT_BASE_URL, WeChatClient } from './client.js';
export { Credential, withToken } from './credential.js';
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
  AccountMethods,
  AuthorizerMethods,
  ComponentMethods,
  Method,
  RequestFor,
  TokenlessMethods,
} from './methods.js';
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
export type { AuthorizationInfo, TokenManager } from './tokens.js';
