import type { Cache } from './cache/cache.js';
import type { Responses } from './catalogue.generated.js';
import { Credential, cacheTtlMs, type Issued, withToken } from './credential.js';
import { MissingCredentialError } from './errors.js';
import { type CacheKeys, cacheKeys } from './keys.js';
import type { LockTiming } from './lock.js';
import type { Logger, TokenKindName } from './log.js';
import type { Transport } from './transport.js';

/** A verify ticket is accepted for 12 h after WeChat issued it (docs/tokens.md §2). */
const VERIFY_TICKET_TTL_MS = 12 * 3600 * 1000;

export interface TokenManagerOptions {
  cache: Cache;
  transport: Transport;
  componentAppid: string;
  componentSecret: string;
  keyPrefix: string;
  marginSeconds: number;
  lock: LockTiming;
  logger?: Logger | undefined;
}

export type AuthorizationInfo = Responses['getAuthorizerRefreshToken']['authorization_info'];

/**
 * Every token the component needs, kept in the cache: its component_access_token from the stored verify
 * ticket, each authorizer's access token from its stored refresh token, and accounts' own stable tokens.
 */
export class TokenManager {
  private readonly keys: CacheKeys;
  private readonly component: Credential;
  private readonly authorizers = new Map<string, Credential>();
  private readonly accounts = new Map<string, Credential>();

  constructor(private readonly options: TokenManagerOptions) {
    this.keys = cacheKeys(options.keyPrefix, options.componentAppid);
    this.component = this.credential(
      this.keys.componentToken,
      'component_access_token',
      options.componentAppid,
      () => this.fetchComponentToken(),
    );
  }

  /** Stores a component_verify_ticket, e.g. one read from wxlocal's control plane (the push receiver does this). */
  async setVerifyTicket(ticket: string): Promise<void> {
    await this.options.cache.set(this.keys.verifyTicket, ticket, VERIFY_TICKET_TTL_MS);
  }

  /**
   * Stores the ticket of a push created at `createTime` (Unix seconds) unless the stored one came from a newer
   * push; false when it did. Ticket pushes are ten minutes apart, so reading then writing is enough here.
   */
  async acceptVerifyTicket(ticket: string, createTime: number): Promise<boolean> {
    const { cache } = this.options;
    const newest = Number((await cache.get(this.keys.verifyTicketTime)) ?? Number.NEGATIVE_INFINITY);
    if (createTime < newest) return false;
    await cache.set(this.keys.verifyTicket, ticket, VERIFY_TICKET_TTL_MS);
    await cache.set(this.keys.verifyTicketTime, String(createTime), VERIFY_TICKET_TTL_MS);
    return true;
  }

  /**
   * True the first time a push is seen within `ttlMs`, across every process sharing the cache: a lock that is
   * never released is a set-if-absent with a lifetime.
   */
  async firstPushSight(pushId: string, ttlMs: number): Promise<boolean> {
    return (await this.options.cache.lock(this.keys.pushSeen(pushId), ttlMs)) !== undefined;
  }

  /** Stores an authorizer's refresh token, e.g. one kept from an earlier api_query_auth. */
  async setRefreshToken(authorizerAppid: string, refreshToken: string): Promise<void> {
    await this.options.cache.set(this.keys.refreshToken(authorizerAppid), refreshToken);
  }

  /** Drops an account's refresh and access tokens, e.g. once it revoked the authorization. */
  async forgetAuthorizer(authorizerAppid: string): Promise<void> {
    const { cache } = this.options;
    for (const key of [this.keys.refreshToken(authorizerAppid), this.keys.authorizerToken(authorizerAppid)]) {
      const value = await cache.get(key);
      if (value !== undefined) await cache.compareAndDelete(key, value);
    }
  }

  componentToken(): Promise<string> {
    return this.component.get();
  }

  authorizerToken(authorizerAppid: string): Promise<string> {
    return this.authorizerCredential(authorizerAppid).get();
  }

  accountToken(appid: string, secret: string): Promise<string> {
    return this.accountCredential(appid, secret).get();
  }

  componentCredential(): Credential {
    return this.component;
  }

  authorizerCredential(authorizerAppid: string): Credential {
    return remember(this.authorizers, authorizerAppid, () =>
      this.credential(
        this.keys.authorizerToken(authorizerAppid),
        'authorizer_access_token',
        authorizerAppid,
        () => this.fetchAuthorizerToken(authorizerAppid),
      ),
    );
  }

  accountCredential(appid: string, secret: string): Credential {
    return remember(this.accounts, appid, () =>
      this.credential(this.keys.accessToken(appid), 'access_token', appid, () =>
        this.fetchAccountToken(appid, secret),
      ),
    );
  }

  /**
   * Redeems the authorization code of an `authorized` / `updateauthorized` event or of the redirect
   * (api_query_auth), and keeps the refresh token and the new access token it returns.
   */
  async redeemAuthorizationCode(authorizationCode: string): Promise<AuthorizationInfo> {
    const request = { component_appid: this.options.componentAppid, authorization_code: authorizationCode };
    const answer = await withToken(this.component, (token) =>
      this.options.transport.send('getAuthorizerRefreshToken', request, {
        name: 'component_access_token',
        value: token,
      }),
    );
    await this.keep('getAuthorizerRefreshToken', request, answer);
    return answer.authorization_info;
  }

  /**
   * Keeps what a token endpoint called through a method handed out, as if the client had fetched it itself:
   * calling getAuthorizerRefreshToken, getAuthorizerAccessToken, getComponentAccessToken or
   * getStableAccessToken directly never leaves the cache behind WeChat.
   */
  async keep(endpoint: string, request: Record<string, unknown>, answer: object): Promise<void> {
    const ours = (request.component_appid ?? this.options.componentAppid) === this.options.componentAppid;
    const fields = answer as Record<string, unknown>;
    const info = fields.authorization_info as AuthorizationInfo | undefined;
    if (endpoint === 'getAuthorizerRefreshToken' && ours && info) {
      await this.setRefreshToken(info.authorizer_appid, info.authorizer_refresh_token);
      await this.store(
        this.keys.authorizerToken(info.authorizer_appid),
        info.authorizer_access_token,
        info.expires_in,
      );
    } else if (endpoint === 'getAuthorizerAccessToken' && ours) {
      const appid = String(request.authorizer_appid);
      await this.setRefreshToken(appid, String(fields.authorizer_refresh_token));
      await this.store(this.keys.authorizerToken(appid), fields.authorizer_access_token, fields.expires_in);
    } else if (endpoint === 'getComponentAccessToken' && ours) {
      await this.store(this.keys.componentToken, fields.component_access_token, fields.expires_in);
    } else if (endpoint === 'getStableAccessToken') {
      await this.store(this.keys.accessToken(String(request.appid)), fields.access_token, fields.expires_in);
    }
  }

  private async store(key: string, token: unknown, expiresIn: unknown): Promise<void> {
    const ttlMs = cacheTtlMs(Number(expiresIn), this.options.marginSeconds);
    await this.options.cache.set(key, String(token), ttlMs);
  }

  private async fetchComponentToken(): Promise<Issued> {
    const { cache, componentAppid, componentSecret, transport } = this.options;
    const ticket = await cache.get(this.keys.verifyTicket);
    if (ticket === undefined) {
      throw new MissingCredentialError(
        `no component_verify_ticket stored for ${componentAppid}: receive the push or call tokens.setVerifyTicket`,
      );
    }
    const answer = await transport.send('getComponentAccessToken', {
      component_appid: componentAppid,
      component_appsecret: componentSecret,
      component_verify_ticket: ticket,
    });
    return { token: answer.component_access_token, expiresIn: answer.expires_in };
  }

  private async fetchAuthorizerToken(authorizerAppid: string): Promise<Issued> {
    const refreshToken = await this.options.cache.get(this.keys.refreshToken(authorizerAppid));
    if (refreshToken === undefined) {
      throw new MissingCredentialError(
        `no authorizer_refresh_token stored for ${authorizerAppid}: redeem its authorization code or call tokens.setRefreshToken`,
      );
    }
    const answer = await withToken(this.component, (token) =>
      this.options.transport.send(
        'getAuthorizerAccessToken',
        {
          component_appid: this.options.componentAppid,
          authorizer_appid: authorizerAppid,
          authorizer_refresh_token: refreshToken,
        },
        { name: 'component_access_token', value: token },
      ),
    );
    return { token: answer.authorizer_access_token, expiresIn: answer.expires_in };
  }

  /** The stable token: every process asking in its normal mode gets the same one, so none invalidates another. */
  private async fetchAccountToken(appid: string, secret: string): Promise<Issued> {
    const answer = await this.options.transport.send('getStableAccessToken', {
      grant_type: 'client_credential',
      appid,
      secret,
    });
    return { token: answer.access_token, expiresIn: answer.expires_in };
  }

  private credential(
    key: string,
    kind: TokenKindName,
    appid: string,
    fetch: () => Promise<Issued>,
  ): Credential {
    const { cache, marginSeconds, lock, logger } = this.options;
    return new Credential({
      cache,
      key,
      marginSeconds,
      lock,
      fetch,
      onFetched: logger && (() => logger({ type: 'token', action: 'fetched', kind, appid })),
      onExpired: logger && (() => logger({ type: 'token', action: 'expired', kind, appid })),
    });
  }
}

function remember<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
