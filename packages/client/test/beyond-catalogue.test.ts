import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, WeChatError } from '../src/index.js';
import {
  advanceClock,
  callCounts,
  clientOf,
  createPlatform,
  type Harness,
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

describe('client.call, for an endpoint outside the catalogue', () => {
  it('sends the token asked for, returns the payload and throws WeChat errors', async () => {
    const client = await clientOf(h, p);
    const mp = { authorizer: p.miniProgram.appid };
    expect(await client.call('/wxa/getwxasearchstatus', {}, { token: mp, method: 'GET' })).toEqual({
      status: 0,
    });
    expect(await client.call('/wxa/changewxasearchstatus', { status: 1 }, { token: mp })).toEqual({});
    const code = await client.call<{ pre_auth_code: string }>('/cgi-bin/component/api_create_preauthcode', {
      component_appid: p.component.appid,
    });
    expect(code.pre_auth_code).toMatch(/^preauthcode@@@/);

    const error = await client
      .call('/wxa/changewxasearchstatus', { status: 2 }, { token: mp })
      .catch((e) => e);
    expect(error).toBeInstanceOf(WeChatError);
    expect(error).toMatchObject({ errcode: 85084, endpoint: '/wxa/changewxasearchstatus' });
  });

  it('refreshes an expired token once, as the typed methods do', async () => {
    const client = await clientOf(h, p);
    const mp = { authorizer: p.miniProgram.appid };
    await client.call('/wxa/getwxasearchstatus', {}, { token: mp, method: 'GET' });
    await advanceClock(h, 7300);
    expect(await client.call('/wxa/getwxasearchstatus', {}, { token: mp, method: 'GET' })).toEqual({
      status: 0,
    });
    // The component token expired too: the refresh answered 42001 once, then went through with a new one.
    expect(await callCounts(h)).toEqual({
      getComponentAccessToken: 2,
      getAuthorizerAccessToken: 3,
      getSearchStatus: 3,
    });
  });

  it("sends an account's own token, or none", async () => {
    const client = await clientOf(h, p);
    const own = { account: p.miniProgram.appid, secret: p.miniProgram.secret };
    const rules = await client.call<{ rule_list: unknown[] }>(
      '/cgi-bin/wxopen/qrcodejumpget',
      {},
      { token: own },
    );
    expect(rules.rule_list).toEqual([]);
    const token = await client
      .call(
        '/cgi-bin/token',
        {},
        {
          token: 'none',
          method: 'GET',
        },
      )
      .catch((e) => e);
    expect(token).toMatchObject({ errcode: 41002 });
  });
});

describe('token endpoints called directly', () => {
  it('store what they hand out, so the client does not fetch it again', async () => {
    const client = await clientOf(h, p, { cold: true });
    await client.tokenless().getComponentAccessToken({
      component_appsecret: p.component.secret,
      component_verify_ticket: p.component.verify_ticket,
    });
    await client.component().getPreAuthCode();

    await client.component().getAuthorizerAccessToken({
      authorizer_appid: p.miniProgram.appid,
      authorizer_refresh_token: p.miniProgram.refreshToken,
    });
    await client.miniProgram(p.miniProgram.appid).getSearchStatus();

    const account = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
    const { authorization_code } = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: p.component.appid,
        authorizer_appid: account.appid,
        func_info: [33],
      })
    ).json;
    await client.component().getAuthorizerRefreshToken({ authorization_code });
    await client.officialAccount(account.appid).getLinkMiniprogram();

    expect(await callCounts(h)).toEqual({
      getComponentAccessToken: 1,
      getPreAuthCode: 1,
      getAuthorizerAccessToken: 1,
      getSearchStatus: 1,
      getAuthorizerRefreshToken: 1,
      getLinkMiniprogram: 1,
    });
  });
});

describe('authorizationUrl', () => {
  const page = { preAuthCode: 'preauthcode@@@abc', redirectUri: 'https://sp.example.com/authorized?x=1' };

  it("builds WeChat's desktop and mobile pages", () => {
    const client = createClient({ componentAppid: 'wx0000000000000001', componentSecret: 's' });
    expect(client.authorizationUrl({ ...page, authType: 2, bizAppid: 'wx0000000000000009' })).toBe(
      'https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wx0000000000000001' +
        '&pre_auth_code=preauthcode%40%40%40abc&redirect_uri=https%3A%2F%2Fsp.example.com%2Fauthorized%3Fx%3D1' +
        '&auth_type=2&biz_appid=wx0000000000000009',
    );
    expect(client.authorizationUrl({ ...page, mobile: true })).toBe(
      'https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&no_scan=1' +
        '&component_appid=wx0000000000000001&pre_auth_code=preauthcode%40%40%40abc' +
        '&redirect_uri=https%3A%2F%2Fsp.example.com%2Fauthorized%3Fx%3D1#wechat_redirect',
    );
  });

  it("points at wxlocal's page when the client does, and that page serves it", async () => {
    const client = await clientOf(h, p);
    const { pre_auth_code } = await client.component().getPreAuthCode();
    for (const mobile of [false, true]) {
      const url = client.authorizationUrl({
        preAuthCode: pre_auth_code,
        redirectUri: 'https://sp.example.com/',
        mobile,
      });
      expect(url.startsWith(`${h.baseUrl}/`)).toBe(true);
      const answer = await fetch(url);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain(p.miniProgram.appid);
    }
  });
});
