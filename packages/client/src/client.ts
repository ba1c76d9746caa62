import { type AuthorizationPage, authorizationUrl } from './authorization-url.js';
import type { Cache } from './cache/cache.js';
import { MemoryCache } from './cache/memory.js';
import type { CallOptions } from './call-options.js';
import type {
  AccountMethods,
  ComponentMethods,
  MiniProgramMethods,
  OfficialAccountMethods,
  TokenlessMethods,
} from './catalogue.generated.js';
import { type Credential, withToken } from './credential.js';
import type { EndpointEntry } from './endpoint-entry.js';
import type { Logger } from './log.js';
import { buildMethods, selectors } from './methods.js';
import { createPushReceiver, type PushReceiver, type PushReceiverOptions } from './push.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry.js';
import { TokenManager } from './tokens.js';
import { type Hooks, type TokenParam, Transport } from './transport.js';

export interface ClientOptions {
  componentAppid: string;
  componentSecret: string;
  /** The message token of the authorization-event URL; needed to receive pushes. */
  messageToken?: string | undefined;
  /** The 43-character EncodingAESKey; needed to receive pushes. */
  encodingAesKey?: string | undefined;
  /** Where tokens live; share one (e.g. RedisCache) between processes. Default: a MemoryCache. */
  cache?: Cache;
  /** Default `https://api.weixin.qq.com`; wxlocal's URL in tests. */
  baseUrl?: string;
  /** Each attempt's time limit; default 10 000. */
  timeoutMs?: number;
  /** README "Retries": 3 retries after about 100, 200 and 400 ms by default. */
  retry?: Partial<RetryOptions>;
  /** The fetch every call goes through (a proxy agent, a mock); default the global fetch. */
  fetch?: typeof fetch;
  hooks?: Hooks;
  /** Tokens are dropped from the cache this long before WeChat expires them; default 300. */
  refreshMarginSeconds?: number;
  /** Namespace of every cache key; default `wxlocal:`. Use one per WeChat (or wxlocal) that tokens come from. */
  keyPrefix?: string;
  logger?: Logger;
}

/** Which token `client.call` sends. */
export type CallToken = 'none' | 'component' | { authorizer: string } | { account: string; secret: string };

export interface GenericCallOptions extends CallOptions {
  token?: CallToken;
  /** Default POST. */
  method?: 'GET' | 'POST';
  /** Whether repeating the call after a lost answer is safe (README "Retries"); default false. */
  idempotent?: boolean;
}

export const DEFAULT_BASE_URL = 'https://api.weixin.qq.com';

/** Methods of both kinds of authorized account, for code that does not know which kind it holds. */
export type AuthorizerMethods = MiniProgramMethods & OfficialAccountMethods;

/** A component's client: typed methods for every catalogued endpoint, tokens handled behind them. */
export class WeChatClient {
  readonly tokens: TokenManager;
  private readonly transport: Transport;
  private readonly baseUrl: string;

  constructor(private readonly options: ClientOptions) {
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.transport = new Transport({
      baseUrl: this.baseUrl,
      timeoutMs,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      hooks: options.hooks ?? {},
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

  /**
   * Endpoints called with the component_access_token, e.g. modifyThirdpartyServerDomain, and the authorizer
   * endpoints that take it too (getApiQuota, clearQuota, …).
   */
  component(): ComponentMethods {
    return this.methods(selectors.component, this.tokens.componentCredential(), componentTokenParam);
  }

  /** Endpoints called on behalf of an authorized Mini Program, e.g. setSearchStatus. */
  miniProgram(appid: string): MiniProgramMethods {
    return this.methods(selectors.miniProgram, this.tokens.authorizerCredential(appid), 'access_token');
  }

  /** Endpoints called on behalf of an authorized Official Account, e.g. linkMiniprogram. */
  officialAccount(appid: string): OfficialAccountMethods {
    return this.methods(selectors.officialAccount, this.tokens.authorizerCredential(appid), 'access_token');
  }

  /** Every authorizer endpoint, when the kind of account is not known; prefer miniProgram or officialAccount. */
  authorizer(appid: string): AuthorizerMethods {
    return this.methods(selectors.authorizer, this.tokens.authorizerCredential(appid), 'access_token');
  }

  /** Endpoints that also take an account's own token (its stable access token, from its appid and secret). */
  account(appid: string, secret: string): AccountMethods {
    return this.methods(selectors.account, this.tokens.accountCredential(appid, secret), 'access_token');
  }

  /**
   * The token endpoints, called as they are: their requests carry the credentials. The component token
   * fetched here is stored like the one the client fetches itself.
   */
  tokenless(): TokenlessMethods {
    return buildMethods(selectors.tokenless, async (endpoint, request, options) => {
      const answer = await this.transport.call(endpoint, this.filled(endpoint, request), undefined, options);
      await this.tokens.keep(endpoint.name, request, answer);
      return answer;
    });
  }

  /**
   * An endpoint outside the catalogue: the errcode is read and thrown as a WeChatError, the token is
   * fetched, and refreshed once on 40001 / 40014 / 42001, as for the typed methods.
   */
  async call<T = Record<string, unknown>>(
    path: string,
    body: Record<string, unknown> = {},
    options: GenericCallOptions = {},
  ): Promise<T> {
    const { token = 'component', method = 'POST', idempotent = false, ...callOptions } = options;
    const endpoint: EndpointEntry = {
      name: path,
      method,
      path,
      token: token === 'none' ? 'none' : token === 'component' ? 'component' : 'authorizer',
      accountTypes: [],
      ownTokenAccepted: false,
      componentTokenAccepted: false,
      envelope: 'business',
      fillsComponentAppid: false,
      idempotent,
    };
    if (token === 'none') return (await this.transport.call(endpoint, body, undefined, callOptions)) as T;
    const [credential, param]: [Credential, TokenParam['name']] =
      token === 'component'
        ? [this.tokens.componentCredential(), 'component_access_token']
        : 'authorizer' in token
          ? [this.tokens.authorizerCredential(token.authorizer), 'access_token']
          : [this.tokens.accountCredential(token.account, token.secret), 'access_token'];
    return (await withToken(credential, (value) =>
      this.transport.call(endpoint, body, { name: param, value }, callOptions),
    )) as T;
  }

  /**
   * The authorization page's URL (docs/tokens.md §5): WeChat's own pages by default, wxlocal's when `baseUrl`
   * points at it. Get `preAuthCode` from `component().getPreAuthCode()`.
   */
  authorizationUrl(page: AuthorizationPage): string {
    return authorizationUrl(
      this.options.componentAppid,
      this.baseUrl === DEFAULT_BASE_URL ? undefined : this.baseUrl,
      page,
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
    select: (endpoint: EndpointEntry) => boolean,
    credential: Credential,
    param: TokenParam['name'] | ((endpoint: EndpointEntry) => TokenParam['name']),
  ): M {
    return buildMethods<M>(select, async (endpoint, request, options) => {
      const name = typeof param === 'function' ? param(endpoint) : param;
      const answer = await withToken(credential, (value) =>
        this.transport.call(endpoint, this.filled(endpoint, request), { name, value }, options),
      );
      await this.tokens.keep(endpoint.name, request, answer);
      return answer;
    });
  }

  /** Adds the component's appid where the endpoint wants one and the caller left it out. */
  private filled(endpoint: EndpointEntry, request: Record<string, unknown>): Record<string, unknown> {
    if (!endpoint.fillsComponentAppid || request.component_appid !== undefined) return request;
    return { ...request, component_appid: this.options.componentAppid };
  }
}

/**
 * Where the component token goes: `component_access_token=` on the component's own paths; the authorizer paths
 * that also take it (getApiQuota, …) read only `access_token=`.
 */
function componentTokenParam(endpoint: EndpointEntry): TokenParam['name'] {
  return endpoint.token === 'component' ? 'component_access_token' : 'access_token';
}

export function createClient(options: ClientOptions): WeChatClient {
  return new WeChatClient(options);
}
