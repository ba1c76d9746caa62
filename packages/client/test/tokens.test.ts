import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LogEvent, MemoryCache, MissingCredentialError, WeChatError, withToken } from '../src/index.js';
import {
  advanceClock,
  callCounts,
  clientOf,
  createPlatform,
  type Harness,
  journal,
  type Platform,
  startEmulator,
} from './helpers.js';

let h: Harness;
let p: Platform;
beforeEach(async () => {
  h = await startEmulator();
  p = await createPlatform(h);
});
afterEach(() => h.close());

/** getwxasearchstatus with a given token, outside the client, failing as the client would. */
async function searchStatusWith(token: string): Promise<number> {
  const { json } = await h.get(`/wxa/getwxasearchstatus?access_token=${token}`);
  if (json.errcode !== 0) throw new WeChatError('getSearchStatus', json);
  return json.status;
}

describe('a cold cache', () => {
  it('100 concurrent calls fetch one component token and one authorizer token', async () => {
    const client = await clientOf(h, p);
    const mp = client.authorizer(p.miniProgram.appid);
    await Promise.all(Array.from({ length: 100 }, () => mp.getSearchStatus()));
    expect(await callCounts(h)).toEqual({
      getComponentAccessToken: 1,
      getAuthorizerAccessToken: 1,
      getSearchStatus: 100,
    });
  });

  it('two clients sharing one MemoryCache fetch each token once between them', async () => {
    const cache = new MemoryCache();
    const clients = [await clientOf(h, p, { cache }), await clientOf(h, p, { cache })];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        clients[i % 2]?.authorizer(p.miniProgram.appid).getSearchStatus(),
      ),
    );
    expect(await callCounts(h)).toEqual({
      getComponentAccessToken: 1,
      getAuthorizerAccessToken: 1,
      getSearchStatus: 100,
    });
  });

  it('fails clearly without a verify ticket or a refresh token', async () => {
    const client = await clientOf(h, p, { cold: true });
    await expect(client.component().getPreAuthCode()).rejects.toThrow(MissingCredentialError);
    await client.tokens.setVerifyTicket(p.component.verify_ticket);
    await expect(client.authorizer(p.miniProgram.appid).getSearchStatus()).rejects.toThrow(
      /no authorizer_refresh_token stored/,
    );
    // Nothing was asked of WeChat that could not succeed.
    expect(await callCounts(h)).toEqual({});
  });
});

describe('expiry', () => {
  it('a token expired on the emulated clock is refreshed transparently', async () => {
    const client = await clientOf(h, p);
    const mp = client.authorizer(p.miniProgram.appid);
    await mp.setSearchStatus({ status: 1 });
    await advanceClock(h, 7200);
    expect(await mp.getSearchStatus()).toEqual({ status: 1 });
    const calls = (await journal(h)).map((entry) => [entry.endpoint, entry.errcode]);
    expect(calls).toEqual([
      ['getComponentAccessToken', 0],
      ['getAuthorizerAccessToken', 0],
      ['setSearchStatus', 0],
      // The authorizer token has expired, and so has the component token needed to refresh it.
      ['getSearchStatus', 42001],
      ['getAuthorizerAccessToken', 42001],
      ['getComponentAccessToken', 0],
      ['getAuthorizerAccessToken', 0],
      ['getSearchStatus', 0],
    ]);
  });

  it('100 concurrent calls on expired tokens refresh each token once', async () => {
    const client = await clientOf(h, p);
    const mp = client.authorizer(p.miniProgram.appid);
    await mp.getSearchStatus();
    await advanceClock(h, 7200);
    await Promise.all(Array.from({ length: 100 }, () => mp.getSearchStatus()));
    const succeeded = (await journal(h)).filter((entry) => entry.errcode === 0);
    expect(succeeded.filter((entry) => entry.endpoint === 'getComponentAccessToken')).toHaveLength(2);
    expect(succeeded.filter((entry) => entry.endpoint === 'getAuthorizerAccessToken')).toHaveLength(2);
    expect(succeeded.filter((entry) => entry.endpoint === 'getSearchStatus')).toHaveLength(101);
  });

  it('compare-and-expire leaves in place a newer token another process fetched', async () => {
    const cache = new MemoryCache();
    const [a, b] = [await clientOf(h, p, { cache }), await clientOf(h, p, { cache })];
    const credentialA = a.tokens.authorizerCredential(p.miniProgram.appid);
    const credentialB = b.tokens.authorizerCredential(p.miniProgram.appid);

    let raced = false;
    const used: string[] = [];
    const status = await withToken(credentialA, async (token) => {
      used.push(token);
      if (!raced) {
        raced = true;
        // Meanwhile B finds the token bad, refreshes it, and the old one's grace period ends.
        expect(await credentialB.expire(token)).toBe(true);
        await credentialB.get();
        await advanceClock(h, 301);
      }
      return searchStatusWith(token);
    });

    expect(status).toBe(0);
    const [stale, fresh] = used;
    expect(fresh).not.toBe(stale);
    expect(await a.tokens.authorizerToken(p.miniProgram.appid)).toBe(fresh);
    expect(await credentialA.expire(stale ?? '')).toBe(false);
    const calls = (await journal(h)).map((entry) => [entry.endpoint, entry.errcode]);
    expect(calls).toEqual([
      ['getComponentAccessToken', 0],
      ['getAuthorizerAccessToken', 0],
      ['getAuthorizerAccessToken', 0],
      ['getSearchStatus', 40001],
      ['getSearchStatus', 0],
    ]);
  });

  it('a token is retried once only', async () => {
    const client = await clientOf(h, p);
    await client.tokens.setRefreshToken(p.miniProgram.appid, p.miniProgram.refreshToken);
    const credential = client.tokens.authorizerCredential(p.miniProgram.appid);
    const error = await withToken(credential, () => searchStatusWith('unknown-token')).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ errcode: 40001 });
  });
});

describe('errors', () => {
  it('retries errcode -1 a bounded number of times, business errors never', async () => {
    const events: LogEvent[] = [];
    const client = await clientOf(h, p, { retry: { retries: 2, delayMs: 1 }, logger: (e) => events.push(e) });
    const oa = client.authorizer(p.officialAccount.appid);
    // wxamplink answers -1 "system error" for an appid that is not a Mini Program.
    const busy = oa.linkMiniprogram({ appid: p.officialAccount.appid, notify_users: 1, show_profile: 1 });
    await expect(busy).rejects.toMatchObject({
      errcode: -1,
      errmsg: 'system error',
      endpoint: 'linkMiniprogram',
    });
    const mp = client.authorizer(p.miniProgram.appid);
    // @ts-expect-error outside the enumeration, to see WeChat's answer
    await expect(mp.setSearchStatus({ status: 2 })).rejects.toMatchObject({
      errcode: 85084,
      errmsg: 'search status invalid',
    });
    const counts = await callCounts(h);
    expect(counts.linkMiniprogram).toBe(3);
    expect(counts.setSearchStatus).toBe(1);
    const attempts = events.flatMap((e) =>
      e.type === 'request' && e.endpoint === 'linkMiniprogram' ? [e.attempt] : [],
    );
    expect(attempts).toEqual([0, 1, 2]);
  });

  it('keeps the rid apart and the empty base of codes WeChat sends without text', async () => {
    const client = await clientOf(h, p);
    const error = await client
      .tokenless()
      .getComponentAccessToken({ component_appsecret: 'x', component_verify_ticket: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    const last = (await journal(h)).at(-1);
    expect(error).toMatchObject({ errcode: 40125, errmsg: 'invalid appsecret', rid: last?.rid });
    expect((error as Error).message).toContain('40125 invalid appsecret');

    await h.call('PATCH', `/_wxlocal/accounts/${p.miniProgram.appid}`, { phone_bound_limit_reached: true });
    const empty = await client
      .authorizer(p.officialAccount.appid)
      .linkMiniprogram({ appid: p.miniProgram.appid, notify_users: 1, show_profile: 1 })
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({ errcode: 1005, errmsg: '', rid: (await journal(h)).at(-1)?.rid });
  });

  it('tells the logger about requests and tokens, never their values', async () => {
    const events: LogEvent[] = [];
    const client = await clientOf(h, p, { logger: (e) => events.push(e) });
    await client.authorizer(p.miniProgram.appid).getSearchStatus();
    expect(
      events.map((e) =>
        e.type === 'token' ? `${e.kind} ${e.action}` : e.type === 'request' ? e.endpoint : e.type,
      ),
    ).toEqual([
      'getComponentAccessToken',
      'component_access_token fetched',
      'getAuthorizerAccessToken',
      'authorizer_access_token fetched',
      'getSearchStatus',
    ]);
    const text = JSON.stringify(events);
    expect(text).not.toContain(p.miniProgram.refreshToken);
    expect(text).not.toContain(await client.tokens.componentToken());
  });
});

describe('authorization', () => {
  it('redeems an authorization code and keeps the refresh token it returns', async () => {
    const client = await clientOf(h, p, { cold: true });
    await client.tokens.setVerifyTicket(p.component.verify_ticket);
    const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const { authorization_code } = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: p.component.appid,
        authorizer_appid: account.appid,
        func_info: [18],
      })
    ).json;
    const info = await client.tokens.redeemAuthorizationCode(authorization_code);
    expect(info.authorizer_appid).toBe(account.appid);
    await client.authorizer(account.appid).setSearchStatus({ status: 1 });
    // The access token from api_query_auth is used; after expiry the stored refresh token gets a new one.
    await advanceClock(h, 7200);
    await client.authorizer(account.appid).setSearchStatus({ status: 0 });
    expect(await callCounts(h)).toMatchObject({ getAuthorizerRefreshToken: 1, getAuthorizerAccessToken: 2 });
  });
});
