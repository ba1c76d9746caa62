import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, RingRecords } from '../src/http/journal.js';
import { type Harness, startEmulator, wxError } from './helpers.js';
import { onPostgres } from './postgres/databases.js';

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

const patch = (path: string, body: unknown) => h.call('PATCH', path, body);

describe('health and clock', () => {
  it('health reports version, store and emulated time', async () => {
    const health = await h.get('/_wxlocal/health');
    expect(health.status).toBe(200);
    const store = onPostgres ? 'postgres' : 'sqlite';
    expect(health.json).toEqual({ status: 'ok', version: '0.1.0', store, now: expect.any(Number) });
    expect(Math.abs(health.json.now - Date.now() / 1000)).toBeLessThan(5);
  });

  it('moves by advance and set, and refuses anything else', async () => {
    const start = (await h.get('/_wxlocal/clock')).json.now;
    expect((await h.post('/_wxlocal/clock', { advance: 3600 })).json.now - start).toBeGreaterThanOrEqual(
      3600,
    );
    expect((await h.post('/_wxlocal/clock', { set: 1_800_000_000 })).json).toEqual({ now: 1_800_000_000 });
    expect((await h.get('/_wxlocal/health')).json.now).toBeGreaterThanOrEqual(1_800_000_000);
    for (const body of [{}, { advance: 'x' }, { set: 1, advance: 1 }, { set: -5 }, []]) {
      const response = await h.post('/_wxlocal/clock', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toEqual(expect.any(String));
    }
    const json = { 'content-type': 'application/json' };
    expect((await h.call('POST', '/_wxlocal/clock', '{nope', json)).json).toEqual({
      error: 'invalid body: not JSON',
    });
  });
});

describe('validation messages', () => {
  const error = async (path: string, body: unknown) => {
    const response = await h.post(path, body);
    expect(response.status, JSON.stringify(body)).toBe(400);
    return response.json.error;
  };

  it('name the field and what it takes, also in a union', async () => {
    expect(await error('/_wxlocal/clock', { set: 'abc' })).toBe('invalid body: set: expected integer');
    expect(await error('/_wxlocal/clock', { advance: 'x' })).toBe('invalid body: advance: expected number');
    const either = 'invalid body: expected {advance: number} or {set: integer}';
    expect(await error('/_wxlocal/clock', {})).toBe(either);
    expect(await error('/_wxlocal/clock', { set: 1, advance: 1 })).toBe(either);
    expect(await error('/_wxlocal/clock', [])).toBe(either);
    expect(await error('/_wxlocal/clock', { set: -5 })).toBe(
      'invalid body: set: expected integer to be greater or equal to 0',
    );
    // The clock may move back.
    const now = (await h.get('/_wxlocal/clock')).json.now;
    expect((await h.post('/_wxlocal/clock', { advance: -60 })).json.now).toBeLessThan(now);
  });

  it('say which field is missing or unknown, and the allowed ones', async () => {
    const types = '"miniprogram" or "official_account"';
    expect(await error('/_wxlocal/accounts', {})).toBe(`invalid body: missing type: expected ${types}`);
    expect(await error('/_wxlocal/accounts', { type: 'bot' })).toBe(`invalid body: type: expected ${types}`);
    expect(await error('/_wxlocal/accounts', { type: 'miniprogram', xyz: 1 })).toMatch(
      /^invalid body: unknown field xyz \(allowed: appid, type, original_id, secret, nickname, .*\)$/,
    );
    expect(
      await error('/_wxlocal/authorizations', {
        component_appid: 'wx1',
        authorizer_appid: 'wx2',
        func_info: ['18'],
      }),
    ).toBe('invalid body: func_info[0]: expected integer');
  });
});

describe('platforms', () => {
  it('creates with generated look-alike credentials and a current verify ticket', async () => {
    const created = await h.post('/_wxlocal/platforms', {});
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      appid: expect.stringMatching(/^wx[0-9a-f]{16}$/),
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: expect.any(String),
      published: false,
      test_accounts: [],
      ip_whitelist: [],
      auth_event_url: null,
      message_token: expect.stringMatching(/^[A-Za-z0-9]{3,32}$/),
      encoding_aes_key: expect.stringMatching(/^[A-Za-z0-9]{43}$/),
      message_url: null,
      audit_policy: null,
      audit_quota: { limit: 100, speedup_limit: 10 },
      privacy_scan_seconds: 0,
      verify_ticket: expect.stringMatching(/^ticket@@@/),
      verify_ticket_issued_at: expect.any(Number),
      verify_ticket_expires_at: created.json.verify_ticket_issued_at + 43200,
    });
    const ticket = (await h.get(`/_wxlocal/platforms/${created.json.appid}/ticket`)).json;
    expect(ticket).toEqual({
      verify_ticket: created.json.verify_ticket,
      expires_at: created.json.verify_ticket_expires_at,
    });
  });

  it('takes given credentials, patches fields, and refuses duplicates and unknown fields', async () => {
    const body = { appid: 'wx1111111111111111', secret: 'a'.repeat(32), name: 'P', published: true };
    expect((await h.post('/_wxlocal/platforms', body)).json).toMatchObject(body);
    expect((await h.post('/_wxlocal/platforms', body)).status).toBe(409);
    const patched = await patch('/_wxlocal/platforms/wx1111111111111111', {
      published: false,
      test_accounts: ['wx2222222222222222'],
    });
    expect(patched.json).toMatchObject({ published: false, test_accounts: ['wx2222222222222222'] });
    expect((await patch('/_wxlocal/platforms/wx1111111111111111', { colour: 'red' })).status).toBe(400);
    expect((await patch('/_wxlocal/platforms/wx9999999999999999', { published: true })).status).toBe(404);
    expect((await h.get('/_wxlocal/platforms/wx9999999999999999/ticket')).json).toEqual({
      error: 'platform wx9999999999999999 not found',
    });
    expect((await h.get('/_wxlocal/platforms')).json.platforms).toHaveLength(1);
  });
});

describe('accounts', () => {
  it('Official Accounts are verified service accounts unless told otherwise', async () => {
    const oa = (await h.post('/_wxlocal/accounts', { type: 'official_account', principal_name: 'ACME' }))
      .json;
    expect(oa).toMatchObject({
      type: 'official_account',
      service_type: 'service',
      verified: true,
      principal_name: 'ACME',
      personal: false,
      overseas: false,
      search_banned: false,
      banned: false,
      code_released: false,
    });
    expect(oa.user_name).toMatch(/^gh_[0-9a-f]{12}$/);
    const sub = (
      await h.post('/_wxlocal/accounts', {
        type: 'official_account',
        service_type: 'subscription',
        verified: false,
      })
    ).json;
    expect(sub).toMatchObject({ service_type: 'subscription', verified: false });
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', personal: true })).json;
    expect(mp).toMatchObject({ type: 'miniprogram', service_type: null, personal: true, search_status: 0 });
  });

  it('patches flags, releases code, and answers 4xx to bad input', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const flagged = await patch(`/_wxlocal/accounts/${mp.appid}`, { search_banned: true, banned: true });
    expect(flagged.json).toMatchObject({ search_banned: true, banned: true, code_released: false });
    const released = await h.post(`/_wxlocal/accounts/${mp.appid}/release`);
    expect(released.json.code_released).toBe(true);
    const oa = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
    expect((await h.post(`/_wxlocal/accounts/${oa.appid}/release`)).status).toBe(400);
    expect((await patch(`/_wxlocal/accounts/${mp.appid}`, { search_banned: 'yes' })).status).toBe(400);
    expect((await patch(`/_wxlocal/accounts/${mp.appid}`, { type: 'official_account' })).status).toBe(400);
    expect((await h.post('/_wxlocal/accounts', { type: 'bot' })).status).toBe(400);
    expect((await h.post('/_wxlocal/accounts', {})).status).toBe(400);
    expect(
      (await h.post('/_wxlocal/accounts', { type: 'miniprogram', service_type: 'service' })).status,
    ).toBe(400);
    expect((await h.get('/_wxlocal/accounts/wx0')).status).toBe(404);
    expect((await h.get(`/_wxlocal/accounts/${mp.appid}`)).json.banned).toBe(true);
  });

  it('keeps what code management needs: original id, categories, init, privacy APIs', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', original_id: 'gh_0123456789ab' }))
      .json;
    expect(mp).toMatchObject({
      user_name: 'gh_0123456789ab',
      categories: [{ first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 }],
      init_completed: true,
      permitted_privacy_apis: null,
      visit_status: 'open',
    });
    const again = await h.post('/_wxlocal/accounts', { type: 'miniprogram', original_id: 'gh_0123456789ab' });
    expect(again.status).toBe(409);
    expect((await h.post('/_wxlocal/accounts', { type: 'miniprogram', original_id: 'gh_1' })).status).toBe(
      400,
    );
    const categories = [{ first_class: '教育', first_id: 7, second_class: '在线教育', second_id: 8 }];
    const patched = await patch(`/_wxlocal/accounts/${mp.appid}`, {
      categories,
      init_completed: false,
      permitted_privacy_apis: ['wx.getLocation', 'chooseAddress', 'getLocation'],
    });
    expect(patched.json).toMatchObject({
      categories,
      init_completed: false,
      permitted_privacy_apis: ['getLocation', 'chooseAddress'],
    });
    const all = await patch(`/_wxlocal/accounts/${mp.appid}`, { permitted_privacy_apis: null });
    expect(all.json.permitted_privacy_apis).toBeNull();
    const unknown = await patch(`/_wxlocal/accounts/${mp.appid}`, { permitted_privacy_apis: ['getPhone'] });
    expect(unknown.status).toBe(400);
  });
});

describe('platform audit settings', () => {
  it('sets, changes and clears the message URL, audit policy, quota and scan length', async () => {
    const created = await h.post('/_wxlocal/platforms', {
      message_url: 'https://example.com/wx/$APPID$/callback',
      audit_policy: { result: 'pass', after_seconds: 3600 },
    });
    expect(created.json).toMatchObject({
      message_url: 'https://example.com/wx/$APPID$/callback',
      audit_policy: { result: 'pass', after_seconds: 3600 },
      audit_quota: { limit: 100, speedup_limit: 10 },
      privacy_scan_seconds: 0,
    });
    const url = `/_wxlocal/platforms/${created.json.appid}`;
    const changed = await patch(url, {
      audit_policy: null,
      audit_quota: { limit: 3, speedup_limit: 1 },
      privacy_scan_seconds: 60,
    });
    expect(changed.json).toMatchObject({
      message_url: 'https://example.com/wx/$APPID$/callback',
      audit_policy: null,
      audit_quota: { limit: 3, speedup_limit: 1 },
      privacy_scan_seconds: 60,
    });
    expect((await patch(url, { message_url: null })).json.message_url).toBeNull();
    expect((await patch(url, { message_url: 'ftp://x' })).status).toBe(400);
    expect((await patch(url, { audit_policy: { result: 'delay', after_seconds: 1 } })).status).toBe(400);
    expect((await patch(url, { audit_quota: { limit: -1, speedup_limit: 0 } })).status).toBe(400);
  });
});

describe('authorizations', () => {
  it('refuse unknown parties and list what exists', async () => {
    const platform = (await h.post('/_wxlocal/platforms', {})).json;
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const grant = (body: object) => h.post('/_wxlocal/authorizations', body);
    expect(
      (await grant({ component_appid: 'wx0', authorizer_appid: mp.appid, func_info: [18] })).status,
    ).toBe(404);
    expect(
      (await grant({ component_appid: platform.appid, authorizer_appid: 'wx0', func_info: [18] })).status,
    ).toBe(404);
    expect(
      (await grant({ component_appid: platform.appid, authorizer_appid: mp.appid, func_info: ['18'] }))
        .status,
    ).toBe(400);
    const ok = await grant({
      component_appid: platform.appid,
      authorizer_appid: mp.appid,
      func_info: [18, 18, 19],
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({
      authorizer_refresh_token: expect.stringMatching(/^refreshtoken@@@/),
      expires_in: 7200,
      func_info: [{ funcscope_category: { id: 18 } }, { funcscope_category: { id: 19 } }],
    });
    const listed = (await h.get('/_wxlocal/authorizations')).json.authorizations;
    expect(listed).toEqual([
      {
        component_appid: platform.appid,
        authorizer_appid: mp.appid,
        status: 'active',
        func_info: [18, 19],
        authorizer_refresh_token: ok.json.authorizer_refresh_token,
        authorizer_access_token: ok.json.authorizer_access_token,
        authorizer_access_token_expires_at: expect.any(Number),
        authorized_at: expect.any(Number),
        updated_at: expect.any(Number),
      },
    ]);
    expect((await h.call('DELETE', `/_wxlocal/authorizations/${platform.appid}/wx0`)).status).toBe(404);
  });

  it('permission set 18 is held by one component per Mini Program at a time', async () => {
    const first = (await h.post('/_wxlocal/platforms', {})).json;
    const second = (await h.post('/_wxlocal/platforms', {})).json;
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    await h.post('/_wxlocal/authorizations', {
      component_appid: first.appid,
      authorizer_appid: mp.appid,
      func_info: [18],
    });
    const refused = await h.post('/_wxlocal/authorizations', {
      component_appid: second.appid,
      authorizer_appid: mp.appid,
      func_info: [17, 18],
    });
    expect(refused.json.func_info).toEqual([{ funcscope_category: { id: 17 } }]);
    expect(refused.json.withheld_func_info).toEqual([18]);
    const search = await h.get(
      `/wxa/getwxasearchstatus?access_token=${refused.json.authorizer_access_token}`,
    );
    expect(wxError(search.json).errcode).toBe(61007);
    // Once the first component is revoked, the second may take it.
    await h.call('DELETE', `/_wxlocal/authorizations/${first.appid}/${mp.appid}`);
    const retaken = await h.post('/_wxlocal/authorizations', {
      component_appid: second.appid,
      authorizer_appid: mp.appid,
      func_info: [18],
    });
    expect(retaken.json).not.toHaveProperty('withheld_func_info');
  });
});

describe('reset and request log', () => {
  it('reset wipes all state and puts the clock back to real time', async () => {
    const platform = (await h.post('/_wxlocal/platforms', {})).json;
    await h.post('/_wxlocal/clock', { advance: 86400 * 30 });
    await h.post('/cgi-bin/component/api_component_token', {});
    const reset = await h.post('/_wxlocal/reset');
    expect(reset.status).toBe(200);
    expect((await h.get('/_wxlocal/platforms')).json).toEqual({ platforms: [] });
    expect((await h.get('/_wxlocal/accounts')).json).toEqual({ accounts: [] });
    expect((await h.get('/_wxlocal/authorizations')).json).toEqual({ authorizations: [] });
    expect((await h.get('/_wxlocal/requests')).json).toEqual({ requests: [] });
    expect(Math.abs((await h.get('/_wxlocal/clock')).json.now - Date.now() / 1000)).toBeLessThan(5);
    const gone = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    });
    expect(wxError(gone.json).errcode).toBe(40013);
  });

  it('lists recent data-plane calls, newest first, limited', async () => {
    for (let i = 0; i < 3; i++) await h.get(`/wxa/getwxasearchstatus?access_token=t${i}`);
    const all = (await h.get('/_wxlocal/requests')).json.requests;
    expect(all).toHaveLength(3);
    expect(all[0]).toEqual({
      time: expect.any(Number),
      method: 'GET',
      path: '/wxa/getwxasearchstatus',
      endpoint: 'getSearchStatus',
      appid: null,
      errcode: 40001,
      rid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
    });
    expect((await h.get('/_wxlocal/requests?limit=2')).json.requests).toEqual(all.slice(0, 2));
    expect((await h.get('/_wxlocal/requests?limit=0')).status).toBe(400);
    expect((await h.get('/_wxlocal/requests?limit=x')).status).toBe(400);
  });

  it('the journal is a bounded ring', async () => {
    const journal = new Journal(new RingRecords(3));
    for (let i = 1; i <= 5; i++) {
      const entry = { time: i, method: 'GET', path: '/', endpoint: 'e', appid: null, errcode: 0 };
      journal.record({ ...entry, rid: `${i}` }, {}, { bytes: null, size: 0 }, {});
    }
    expect((await journal.recent(10)).map((entry) => entry.rid)).toEqual(['5', '4', '3']);
    expect((await journal.recent(2)).map((entry) => entry.rid)).toEqual(['5', '4']);
  });
});
