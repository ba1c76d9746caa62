import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed.js';
import { advanceClock, type Harness, RID, splitErrmsg, startEmulator, wxError } from './helpers.js';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]+$/;

describe('the full token flow over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator();
  });
  afterAll(() => h.close());

  it('goes from the verify ticket to setSearchStatus and getSearchStatus', async () => {
    const platform = (await h.post('/_wxlocal/platforms', { name: 'Flow Platform', published: true })).json;
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', nickname: 'Flow MP' })).json;

    const ticket = await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`);
    expect(ticket.status).toBe(200);
    expect(ticket.json.verify_ticket).toMatch(/^ticket@@@[A-Za-z0-9_-]+$/);
    expect(ticket.json.verify_ticket).toBe(platform.verify_ticket);

    const component = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: ticket.json.verify_ticket,
    });
    expect(Object.keys(component.json)).toEqual(['component_access_token', 'expires_in']);
    expect(component.json.expires_in).toBe(7200);
    expect(component.json.component_access_token).toMatch(TOKEN_SHAPE);
    const componentToken = component.json.component_access_token;

    const preAuth = await h.post(
      `/cgi-bin/component/api_create_preauthcode?component_access_token=${componentToken}`,
      {
        component_appid: platform.appid,
      },
    );
    expect(Object.keys(preAuth.json)).toEqual(['pre_auth_code', 'expires_in']);
    expect(preAuth.json.pre_auth_code).toMatch(/^preauthcode@@@/);
    expect(preAuth.json.expires_in).toBe(600);

    const grant = await h.post('/_wxlocal/authorizations', {
      component_appid: platform.appid,
      authorizer_appid: mp.appid,
      func_info: [17, 18],
    });
    expect(grant.status).toBe(201);
    expect(grant.json.authorization_code).toMatch(/^queryauthcode@@@/);

    const queryAuth = await h.post(`/cgi-bin/component/api_query_auth?access_token=${componentToken}`, {
      component_appid: platform.appid,
      authorization_code: grant.json.authorization_code,
    });
    const info = queryAuth.json.authorization_info;
    expect(Object.keys(queryAuth.json)).toEqual(['authorization_info']);
    expect(info).toEqual({
      authorizer_appid: mp.appid,
      authorizer_access_token: expect.stringMatching(TOKEN_SHAPE),
      expires_in: 7200,
      authorizer_refresh_token: grant.json.authorizer_refresh_token,
      func_info: [{ funcscope_category: { id: 17 } }, { funcscope_category: { id: 18 } }],
    });

    const refreshed = await h.post(
      `/cgi-bin/component/api_authorizer_token?component_access_token=${componentToken}`,
      {
        component_appid: platform.appid,
        authorizer_appid: mp.appid,
        authorizer_refresh_token: info.authorizer_refresh_token,
      },
    );
    expect(refreshed.json).toEqual({
      authorizer_access_token: expect.stringMatching(TOKEN_SHAPE),
      expires_in: 7200,
      authorizer_refresh_token: info.authorizer_refresh_token,
    });
    const mpToken = refreshed.json.authorizer_access_token;
    expect(mpToken).not.toBe(info.authorizer_access_token);

    const before = await h.get(`/wxa/getwxasearchstatus?access_token=${mpToken}`);
    expect(before.text).toBe('{"status":0,"errcode":0,"errmsg":"ok"}');
    const set = await h.post(`/wxa/changewxasearchstatus?access_token=${mpToken}`, { status: 1 });
    expect(set.text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(set.status).toBe(200);
    expect(set.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    const after = await h.get(`/wxa/getwxasearchstatus?access_token=${mpToken}`);
    expect(after.json).toEqual({ status: 1, errcode: 0, errmsg: 'ok' });
  });
});

describe('component token endpoints', () => {
  let h: Harness;
  let platform: { appid: string; secret: string; verify_ticket: string };
  beforeAll(async () => {
    h = await startEmulator();
    platform = (await h.post('/_wxlocal/platforms', {})).json;
  });
  afterAll(() => h.close());

  const componentToken = (body: Record<string, unknown>) =>
    h.post('/cgi-bin/component/api_component_token', body);

  it('api_component_token reports each credential error in check order', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const other = (await h.post('/_wxlocal/platforms', {})).json;
    const good = {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, component_appid: '' }, 41018, 'missing component_appid'],
      [{ component_appsecret: platform.secret }, 41018, 'missing component_appid'],
      [{ ...good, component_appsecret: '' }, 41004, 'appsecret missing'],
      [{ ...good, component_appid: 'wx0000000000000000' }, 40013, 'invalid appid'],
      [
        { ...good, component_appid: mp.appid, component_appsecret: mp.secret, component_verify_ticket: null },
        61011,
        'invalid component',
      ],
      [{ ...good, component_appsecret: 'f'.repeat(32) }, 40125, 'invalid appsecret'],
      [{ ...good, component_verify_ticket: '' }, 61006, 'component ticket is invalid'],
      [{ ...good, component_verify_ticket: 'ticket@@@nope' }, 61006, 'component ticket is invalid'],
      [{ ...good, component_verify_ticket: other.verify_ticket }, 61006, 'component ticket is invalid'],
    ];
    for (const [body, errcode, base] of cases) {
      const response = await componentToken(body);
      expect(response.status).toBe(200);
      expect(Object.keys(response.json)).toEqual(['errcode', 'errmsg']);
      expect(wxError(response.json), JSON.stringify(body)).toEqual({ errcode, base });
    }
  });

  it('rids start with the request time in hex seconds', async () => {
    const now = (await h.get('/_wxlocal/clock')).json.now;
    const response = await componentToken({});
    const { rid } = splitErrmsg(response.json.errmsg);
    expect(rid).toMatch(RID);
    expect(Math.abs(Number.parseInt(rid.slice(0, 8), 16) - now)).toBeLessThanOrEqual(1);
    const journal = (await h.get('/_wxlocal/requests?limit=1')).json.requests;
    expect(journal[0]).toMatchObject({ rid, errcode: 41018, path: '/cgi-bin/component/api_component_token' });
  });

  it('empty and malformed bodies give 44002 and 47001', async () => {
    expect(wxError((await h.call('POST', '/cgi-bin/component/api_component_token', '')).json)).toEqual({
      errcode: 44002,
      base: 'empty post data',
    });
    expect(
      wxError((await h.call('POST', '/cgi-bin/component/api_component_token', '{"component_appid":')).json),
    ).toEqual({
      errcode: 47001,
      base: 'data format error',
    });
  });

  it('api_start_push_ticket issues a new ticket and answers "in a normal state"', async () => {
    const response = await h.post('/cgi-bin/component/api_start_push_ticket', {
      component_appid: platform.appid,
      component_secret: platform.secret,
    });
    expect(response.text).toBe('{"errcode":0,"errmsg":"in a normal state"}');
    const current = (await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket;
    expect(current).not.toBe(platform.verify_ticket);
    // The older ticket stays valid until its own 12 h end.
    const withOld = await componentToken({
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    });
    expect(withOld.json.expires_in).toBe(7200);
    const wrongSecret = await h.post('/cgi-bin/component/api_start_push_ticket', {
      component_appid: platform.appid,
      component_secret: 'bad',
    });
    expect(wxError(wrongSecret.json)).toEqual({ errcode: 40125, base: 'invalid appsecret' });
  });

  it('component endpoints check component_appid: 41018 missing, 40013 another appid', async () => {
    const token = (
      await componentToken({
        component_appid: platform.appid,
        component_appsecret: platform.secret,
        component_verify_ticket: platform.verify_ticket,
      })
    ).json.component_access_token;
    const missing = await h.post(`/cgi-bin/component/api_create_preauthcode?access_token=${token}`, {});
    expect(wxError(missing.json)).toEqual({ errcode: 41018, base: 'missing component_appid' });
    const other = await h.post(`/cgi-bin/component/api_create_preauthcode?access_token=${token}`, {
      component_appid: DEMO.platform.appid,
    });
    expect(wxError(other.json)).toEqual({ errcode: 40013, base: 'invalid appid' });
  });

  it('issues authorizer tokens of 107 characters, each one sorting after the one before', async () => {
    const component = await componentToken({
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    });
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const grant = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: platform.appid,
        authorizer_appid: mp.appid,
        func_info: [18],
      })
    ).json;
    const tokens = [grant.authorizer_access_token];
    for (let i = 0; i < 5; i++) {
      const refresh = await h.post(
        `/cgi-bin/component/api_authorizer_token?component_access_token=${component.json.component_access_token}`,
        {
          component_appid: platform.appid,
          authorizer_appid: mp.appid,
          authorizer_refresh_token: grant.authorizer_refresh_token,
        },
      );
      tokens.push(refresh.json.authorizer_access_token);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{107}$/);
    expect([...tokens].sort()).toEqual(tokens);
  });
});

describe('the verify ticket', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startEmulator();
  });
  afterAll(() => h.close());

  it('rotates every 10 emulated minutes and each ticket expires after 12 h', async () => {
    const platform = (await h.post('/_wxlocal/platforms', {})).json;
    const ticketNow = async () => (await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json;
    const first = await ticketNow();
    const now = (await h.get('/_wxlocal/clock')).json.now;
    expect(first.expires_at - now).toBeGreaterThanOrEqual(43_199);
    expect(first.expires_at - now).toBeLessThanOrEqual(43_200);

    await advanceClock(h, 599);
    expect((await ticketNow()).verify_ticket).toBe(first.verify_ticket);
    await advanceClock(h, 1);
    const second = await ticketNow();
    expect(second.verify_ticket).not.toBe(first.verify_ticket);
    expect(second.expires_at).toBe(first.expires_at + 600);
    await advanceClock(h, 1800);
    const fifth = await ticketNow();
    expect(fifth.expires_at).toBe(first.expires_at + 2400);

    const redeem = (ticket: string) =>
      h.post('/cgi-bin/component/api_component_token', {
        component_appid: platform.appid,
        component_appsecret: platform.secret,
        component_verify_ticket: ticket,
      });
    expect((await redeem(first.verify_ticket)).json.expires_in).toBe(7200);
    // 12 h after the first ticket was issued: it has expired, the later one has not.
    await advanceClock(h, 43_200 - 2400);
    expect(wxError((await redeem(first.verify_ticket)).json)).toEqual({
      errcode: 61005,
      base: 'component ticket is expired',
    });
    expect((await redeem(second.verify_ticket)).json.expires_in).toBe(7200);
  });
});
