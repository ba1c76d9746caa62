import type { EndpointDef } from '@wxlocal/api';
import type { Cache } from './cache/cache.js';
import { MemoryCache } from './cache/memory.js';
import { type Credential, withToken } from './credential.js';
import type { Logger } from './log.js';
import {
  type AccountMethods,
  type AuthorizerMethods,
  buildMethods,
  type ComponentMethods,
  selectors,
  type TokenlessMethods,
} from './methods.js';
import { createPushReceiver, type PushReceiver, type PushReceiverOptions } from './push.js';
import { TokenManager } from './tokens.js';
import { type RetryOptions, type TokenParam, Transport } from './transport.js';

export interface ClientOptions {
  componentAppid: string;
  componentSecret: string;
  /** The message token of the authorization-event URL; needed to receive pushes. */
  messageToken?: string;
  /** The 43-character EncodingAESKey; needed to receive pushes. */
  encodingAesKey?: string;
  /** Where tokens live; share one (e.g. RedisCache) between processes. Default: a MemoryCache. */
  cache?: Cache;
  /** Default `https://api.weixin.qq.com`; wxlocal's URL in tests. */
  baseUrl?: string;
  /** Per HTTP request; default 10 000. */
  timeoutMs?: number;
  /** Retries of errcode -1; default 3 retries after 100, 200 and 400 ms. */
  retry?: Partial<RetryOptions>;
  /** Tokens are dropped from the cache this long before WeChat expires them; default 300. */
  refreshMarginSeconds?: number;
  /** Namespace of every cache key; default `wxlocal:`. Use one per WeChat (or wxlocal) that tokens come from. */
  keyPrefix?: string;
  logger?: Logger;
}

export const DEFAULT_BASE_URL = 'https://api.weixin.qq.com';

/** A component's client: typed methods for every catalogued endpoint, tokens handled behind them. */
export class WeChatClient {
  readonly tokens: TokenManager;
  private readonly transport: Transport;

  constructor(private readonly options: ClientOptions) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const retry = { retries: 3, delayMs: 100, ...options.retry };
    this.transport = new Transport({
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      timeoutMs,
      retry,
      logger: options.logger,
    });
    this.tokens = new TokenManager({
      cache: options.cache ?? new MemoryCache(),
      transport: this.transport,
      componentAppid: options.componentAppid,
      componentSecret: options.componentSecret,
      keyPrefix: options.keyPrefix ?? 'wxlocal:',
      marginSeconds: options.refreshMarginSeconds ?? 300,
      // Long enough for a refresh's two calls (component, then authorizer token). Should a slow holder
      // outlive it, a second fetch only starts the first token's 300 s grace: nothing fails.
      lock: { ttlMs: 2 * timeoutMs + 1000, pollMs: 20 },
      logger: options.logger,
    });
  }

  /** Endpoints called with the component_access_token, e.g. modifyThirdpartyServerDomain. */
  component(): ComponentMethods {
    return this.methods(selectors.component, this.tokens.componentCredential(), 'component_access_token');
  }

  /** Endpoints called on behalf of one authorized account, e.g. setSearchStatus. */
  authorizer(authorizerAppid: string): AuthorizerMethods {
    return this.methods(
      selectors.authorizer,
      this.tokens.authorizerCredential(authorizerAppid),
      'access_token',
    );
  }

  /** Endpoints that also take an account's own token (its stable access token, from its appid and secret). */
  account(appid: string, secret: string): AccountMethods {
    return this.methods(selectors.account, this.tokens.accountCredential(appid, secret), 'access_token');
  }

  /** The token endpoints, called as they are: their requests carry the credentials. */
  tokenless(): TokenlessMethods {
    return buildMethods(selectors.tokenless, (endpoint, request) =>
      this.transport.call(endpoint, this.filled(endpoint, request)),
    );
  }

  /**
   * The authorization-event URL's handler: verifies and decrypts each push, refuses stale ones, handles each
   * push once, stores verify tickets and hands events to the handlers in `options`. It never rejects.
   */
  pushReceiver(options: PushReceiverOptions = {}): PushReceiver {
    const { componentAppid, messageToken, encodingAesKey, logger } = this.options;
    if (messageToken === undefined || encodingAesKey === undefined) {
      throw new Error('receiving pushes needs messageToken and encodingAesKey');
    }
    const keys = { appid: componentAppid, token: messageToken, encodingAesKey };
    const tokens = this.tokens;
    return createPushReceiver(
      keys,
      {
        acceptTicket: (ticket, createTime) => tokens.acceptVerifyTicket(ticket, createTime),
        forgetAuthorizer: (appid) => tokens.forgetAuthorizer(appid),
        firstSight: (pushId, ttlMs) => tokens.firstPushSight(pushId, ttlMs),
        report: (error, fields) => {
          if (logger) logger({ type: 'push', action: 'failed', infoType: fields.InfoType ?? '', error });
          else console.error(`wechat push ${fields.InfoType ?? ''} failed:`, error);
        },
      },
      options,
    );
  }

  private methods<M>(
    select: (endpoint: EndpointDef) => boolean,
    credential: Credential,
    param: TokenParam['name'],
  ) {
    return buildMethods<M>(select, (endpoint, request) =>
      withToken(credential, (value) =>
        this.transport.call(endpoint, this.filled(endpoint, request), { name: param, value }),
      ),
    );
  }

  /** Adds the component's appid where the endpoint wants one and the caller left it out. */
  private filled(endpoint: EndpointDef, request: Record<string, unknown>): Record<string, unknown> {
    const wanted = 'component_appid' in endpoint.request.properties;
    if (!wanted || request.component_appid !== undefined) return request;
    return { ...request, component_appid: this.options.componentAppid };
  }
}

export function createClient(options: ClientOptions): WeChatClient {
  return new WeChatClient(options);
}
