import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

const EXPIRED = { errcode: 42001, base: 'access_token expired' };
const NOT_LATEST = {
  errcode: 40001,
  base: 'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
};

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const preAuthCode = (token: string) =>
  h.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${token}`, {
    component_appid: w.platform.appid,
  });
const searchStatus = (token: string) => h.get(`/wxa/getwxasearchstatus?access_token=${token}`);
const newComponentToken = async () =>
  (
    await h.post('/cgi-bin/component/api_component_token', {
      component_appid: w.platform.appid,
      component_appsecret: w.platform.secret,
      component_verify_ticket: w.platform.verify_ticket,
    })
  ).json.component_access_token as string;
const refreshAuthorizer = (refreshToken: string, token = w.componentToken) =>
  h.post(`/cgi-bin/component/api_authorizer_token?component_access_token=${token}`, {
    component_appid: w.platform.appid,
    authorizer_appid: w.miniProgram.appid,
    authorizer_refresh_token: refreshToken,
  });

describe('component_access_token', () => {
  it('works for 7200 s, then answers 42001', async () => {
    await advanceClock(h, 7199);
    expect((await preAuthCode(w.componentToken)).json.expires_in).toBe(600);
    await advanceClock(h, 1);
    expect(wxError((await preAuthCode(w.componentToken)).json)).toEqual(EXPIRED);
  });

  it('keeps working 300 s after a newer one is issued, then answers 40001', async () => {
    const newer = await newComponentToken();
    await advanceClock(h, 299);
    expect((await preAuthCode(w.componentToken)).json.expires_in).toBe(600);
    await advanceClock(h, 1);
    expect(wxError((await preAuthCode(w.componentToken)).json)).toEqual(NOT_LATEST);
    expect((await preAuthCode(newer)).json.expires_in).toBe(600);
  });

  it('api_authorizer_token with an expired component token answers 42001', async () => {
    await advanceClock(h, 7200);
    expect(wxError((await refreshAuthorizer(w.mpRefreshToken)).json)).toEqual(EXPIRED);
  });
});

describe('authorizer_access_token', () => {
  it('expires after 7200 s', async () => {
    await advanceClock(h, 7199);
    expect((await searchStatus(w.mpToken)).json.errcode).toBe(0);
    await advanceClock(h, 1);
    expect(wxError((await searchStatus(w.mpToken)).json)).toEqual(EXPIRED);
  });

  it('is superseded by api_authorizer_token after a 300 s grace; the refresh token does not change', async () => {
    const refreshed = (await refreshAuthorizer(w.mpRefreshToken)).json;
    expect(refreshed.authorizer_refresh_token).toBe(w.mpRefreshToken);
    await advanceClock(h, 299);
    expect((await searchStatus(w.mpToken)).json.errcode).toBe(0);
    await advanceClock(h, 1);
    expect(wxError((await searchStatus(w.mpToken)).json)).toEqual(NOT_LATEST);
    expect((await searchStatus(refreshed.authorizer_access_token)).json.errcode).toBe(0);
    // The same refresh token keeps working.
    expect((await refreshAuthorizer(w.mpRefreshToken)).json.expires_in).toBe(7200);
  });

  it('a component-token refresh leaves issued authorizer tokens alone', async () => {
    await newComponentToken();
    await advanceClock(h, 600);
    expect((await searchStatus(w.mpToken)).json.errcode).toBe(0);
  });
});

describe('authorizer_refresh_token', () => {
  it('61023 for a wrong token, another appid, or an empty one', async () => {
    const invalid = { errcode: 61023, base: 'refresh_token is invalid' };
    expect(wxError((await refreshAuthorizer('refreshtoken@@@nope')).json)).toEqual(invalid);
    expect(wxError((await refreshAuthorizer('')).json)).toEqual(invalid);
    const otherAppid = await h.post(
      `/cgi-bin/component/api_authorizer_token?access_token=${w.componentToken}`,
      {
        component_appid: w.platform.appid,
        authorizer_appid: w.officialAccount.appid,
        authorizer_refresh_token: w.mpRefreshToken,
      },
    );
    expect(wxError(otherAppid.json)).toEqual(invalid);
  });

  it('re-authorization issues a new one; the old one works 300 s more', async () => {
    const again = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: w.miniProgram.appid,
        func_info: [18],
      })
    ).json;
    expect(again.authorizer_refresh_token).not.toBe(w.mpRefreshToken);
    await advanceClock(h, 299);
    expect((await refreshAuthorizer(w.mpRefreshToken)).json.expires_in).toBe(7200);
    await advanceClock(h, 1);
    expect(wxError((await refreshAuthorizer(w.mpRefreshToken)).json).errcode).toBe(61023);
    expect((await refreshAuthorizer(again.authorizer_refresh_token)).json.expires_in).toBe(7200);
  });

  it('revocation ends the refresh token at once and the account tokens answer 61003', async () => {
    const revoked = await h.call(
      'DELETE',
      `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`,
    );
    expect(revoked.json).toMatchObject({ status: 'revoked', authorizer_refresh_token: null });
    expect(wxError((await refreshAuthorizer(w.mpRefreshToken)).json).errcode).toBe(61023);
    expect(wxError((await searchStatus(w.mpToken)).json)).toEqual({
      errcode: 61003,
      base: 'component is not authorized by this account',
    });
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
    });
    expect(wxError(info.json).errcode).toBe(61003);
  });

  it('authorizing again after a revocation revives neither the old tokens nor the old codes', async () => {
    const authorize = () =>
      h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: w.miniProgram.appid,
        func_info: [18],
      });
    const oldCode = (await authorize()).json.authorization_code;
    await h.call('DELETE', `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`);
    const again = (await authorize()).json;
    expect(wxError((await searchStatus(w.mpToken)).json).errcode).toBe(40001);
    expect((await searchStatus(again.authorizer_access_token)).json).toEqual({
      status: 0,
      errcode: 0,
      errmsg: 'ok',
    });
    const redeem = (code: string) =>
      h.post(`/cgi-bin/component/api_query_auth?component_access_token=${w.componentToken}`, {
        component_appid: w.platform.appid,
        authorization_code: code,
      });
    expect(wxError((await redeem(oldCode)).json).errcode).toBe(61009);
    expect((await redeem(again.authorization_code)).json.authorization_info.authorizer_refresh_token).toBe(
      again.authorizer_refresh_token,
    );
  });
});

describe('authorization code (api_query_auth)', () => {
  const queryAuth = (code: string) =>
    h.post(`/cgi-bin/component/api_query_auth?component_access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorization_code: code,
    });
  const newCode = async () =>
    (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: w.miniProgram.appid,
        func_info: [18],
      })
    ).json.authorization_code as string;

  it('redeems while valid, twice if asked, and answers 61010 after 3600 s', async () => {
    const code = await newCode();
    expect((await queryAuth(code)).json.authorization_info.authorizer_appid).toBe(w.miniProgram.appid);
    await advanceClock(h, 3599);
    expect((await queryAuth(code)).json.authorization_info.expires_in).toBe(7200);
    await advanceClock(h, 1);
    expect(wxError((await queryAuth(code)).json)).toEqual({ errcode: 61010, base: 'code is expired' });
  });

  it('61009 for an unknown code or one issued to another component', async () => {
    expect(wxError((await queryAuth('queryauthcode@@@nope')).json)).toEqual({
      errcode: 61009,
      base: 'code is invalid',
    });
    expect(wxError((await queryAuth('')).json).errcode).toBe(61009);
    const other = (await h.post('/_wxlocal/platforms', {})).json;
    const foreign = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: other.appid,
        authorizer_appid: w.officialAccount.appid,
        func_info: [33],
      })
    ).json.authorization_code;
    expect(wxError((await queryAuth(foreign)).json).errcode).toBe(61009);
  });
});

describe('api_get_authorizer_info', () => {
  it('describes a Mini Program and what it granted', async () => {
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
    });
    const account = (await h.get(`/_wxlocal/accounts/${w.miniProgram.appid}`)).json;
    expect(info.json.authorizer_info).toMatchObject({
      nick_name: account.nickname,
      user_name: account.user_name,
      principal_name: account.principal_name,
      service_type_info: { id: 0 },
      verify_type_info: { id: -1 },
      account_status: 1,
      MiniProgramInfo: {
        network: {
          RequestDomain: [],
          WsRequestDomain: [],
          UploadDomain: [],
          DownloadDomain: [],
          BizDomain: [],
          UDPDomain: [],
        },
        categories: [{ first: '工具', second: '备忘录' }],
        visit_status: 0,
      },
    });
    expect(info.json.authorization_info).toEqual({
      authorizer_appid: w.miniProgram.appid,
      authorizer_refresh_token: w.mpRefreshToken,
      func_info: [{ funcscope_category: { id: 18 } }],
    });
  });

  it("network lists the Mini Program's server and business domains in force", async () => {
    await h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/server-domains`, {
      mp_domain: { requestdomain: ['https://api.example.com'], udpdomain: ['udp://u.example.com:9000'] },
    });
    await h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/webviewdomain`, {
      mp_webviewdomain: ['https://h5.example.com'],
    });
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
    });
    expect(info.json.authorizer_info.MiniProgramInfo.network).toEqual({
      RequestDomain: ['https://api.example.com'],
      WsRequestDomain: [],
      UploadDomain: [],
      DownloadDomain: [],
      BizDomain: ['https://h5.example.com'],
      UDPDomain: ['udp://u.example.com:9000'],
    });
  });

  it('an Official Account has no MiniProgramInfo and shows as a verified service account', async () => {
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.officialAccount.appid,
    });
    expect(info.json.authorizer_info.service_type_info).toEqual({ id: 2 });
    expect(info.json.authorizer_info.verify_type_info).toEqual({ id: 0 });
    expect(info.json.authorizer_info).not.toHaveProperty('MiniProgramInfo');
  });

  it('61003 for an account that never authorized the component', async () => {
    const stranger = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: stranger.appid,
    });
    expect(wxError(info.json)).toEqual({
      errcode: 61003,
      base: 'component is not authorized by this account',
    });
  });
});
