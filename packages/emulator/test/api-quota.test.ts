import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlClient } from '../src/embed/control-client.js';
import {
  advanceClock,
  createWorld,
  type Harness,
  splitErrmsg,
  startEmulator,
  type World,
  wxError,
} from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const quotaOf = (token: string, cgi_path: string) =>
  h.post(`/cgi-bin/openapi/quota/get?access_token=${token}`, { cgi_path });
const searchStatus = (token = w.mpToken) => h.get(`/wxa/getwxasearchstatus?access_token=${token}`);
const ownToken = async (account: { appid: string; secret: string }) =>
  (await h.get(`/cgi-bin/token?${new URLSearchParams({ grant_type: 'client_credential', ...account })}`)).json
    .access_token as string;
const meter = (kind: 'accounts' | 'platforms', appid: string) => h.get(`/_wxlocal/${kind}/${appid}/quota`);
const setMeter = (kind: 'accounts' | 'platforms', appid: string, body: Record<string, unknown>) =>
  h.call('PATCH', `/_wxlocal/${kind}/${appid}/quota`, body);

/** Runs `calls` calls `concurrency` at a time. */
async function inBatches<T>(calls: number, concurrency: number, call: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let done = 0; done < calls; done += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, calls - done) }, call);
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

describe('getApiQuota', () => {
  it("reports an API's daily limit and the calls counted today", async () => {
    for (let i = 0; i < 3; i++) expect((await searchStatus()).json.errcode).toBe(0);
    const response = await quotaOf(w.mpToken, '/wxa/getwxasearchstatus');
    expect(response.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      quota: { daily_limit: 100000, used: 3, remain: 99997 },
    });
  });

  it('sends the minute limits of stable_token, as WeChat does', async () => {
    const response = await quotaOf(w.mpToken, '/cgi-bin/stable_token');
    expect(response.text).toBe(
      '{"errcode":0,"errmsg":"ok","quota":{"daily_limit":500000,"used":0,"remain":500000},"rate_limit":{"call_count":10000,"refresh_second":60},"component_rate_limit":{"call_count":1050000,"refresh_second":60}}',
    );
  });

  it("counts an authorizer's calls made by its component and its own calls on one counter", async () => {
    const own = await ownToken(w.miniProgram);
    const get = (token: string) => h.post(`/cgi-bin/wxopen/qrcodejumpget?access_token=${token}`, {});
    expect((await get(w.mpToken)).json.errcode).toBe(0);
    expect((await get(own)).json.errcode).toBe(0);
    expect((await get(w.mpToken)).json.errcode).toBe(0);
    const path = '/cgi-bin/wxopen/qrcodejumpget';
    expect((await quotaOf(w.mpToken, path)).json.quota).toEqual({
      daily_limit: 100000,
      used: 3,
      remain: 99997,
    });
    expect((await quotaOf(own, path)).json.quota.used).toBe(3);
  });

  it('charges the component for its own calls, and does not count refused calls', async () => {
    const preAuthCode = (token: string) =>
      h.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${token}`, {
        component_appid: w.platform.appid,
      });
    await preAuthCode(w.componentToken);
    await preAuthCode(w.componentToken);
    expect((await preAuthCode(w.mpToken)).json.errcode).toBe(48001);
    const response = await quotaOf(w.componentToken, '/cgi-bin/component/api_create_preauthcode');
    expect(response.json.quota).toEqual({ daily_limit: 100000, used: 2, remain: 99998 });
    const tokens = await quotaOf(w.componentToken, '/cgi-bin/component/api_component_token');
    expect(tokens.json.quota).toEqual({ daily_limit: 10000, used: 1, remain: 9999 });
  });

  it('refuses paths in order: 76021 malformed or unknown, 76022 /sns/ or not the account’s', async () => {
    const cases: [string, string, number, string][] = [
      [w.mpToken, '', 76021, 'cgi_path not found, please check'],
      [w.mpToken, 'wxa/getwxasearchstatus', 76021, 'cgi_path not found, please check'],
      [
        w.mpToken,
        'https://api.weixin.qq.com/wxa/getwxasearchstatus',
        76021,
        'cgi_path not found, please check',
      ],
      [w.mpToken, '/wxa/getwxasearchstatus?access_token=x', 76021, 'cgi_path not found, please check'],
      [w.mpToken, '/wxa/no_such_api', 76021, 'cgi_path not found, please check'],
      [w.mpToken, '/sns/jscode2session', 76022, 'could not use this cgi_path, no permission'],
      [w.mpToken, '/cgi-bin/wxopen/wxamplink', 76022, 'could not use this cgi_path, no permission'],
      [
        w.mpToken,
        '/cgi-bin/component/api_create_preauthcode',
        76022,
        'could not use this cgi_path, no permission',
      ],
      [w.oaToken, '/wxa/getwxasearchstatus', 76022, 'could not use this cgi_path, no permission'],
      [w.componentToken, '/wxa/getwxasearchstatus', 76022, 'could not use this cgi_path, no permission'],
      [w.componentToken, '/cgi-bin/token', 76022, 'could not use this cgi_path, no permission'],
    ];
    for (const [token, path, errcode, base] of cases) {
      expect(wxError((await quotaOf(token, path)).json), path).toEqual({ errcode, base });
    }
    expect((await quotaOf(w.componentToken, '/cgi-bin/openapi/quota/get')).json.errcode).toBe(0);
    expect((await quotaOf(w.oaToken, '/cgi-bin/token')).json.errcode).toBe(0);
  });

  it('reads only access_token= and takes the body as other POST APIs do', async () => {
    const path = '/cgi-bin/openapi/quota/get';
    const byComponentName = await h.post(`${path}?component_access_token=${w.componentToken}`, {
      cgi_path: '/cgi-bin/openapi/quota/get',
    });
    expect(wxError(byComponentName.json)).toEqual({ errcode: 41001, base: 'access_token missing' });
    const empty = await h.call('POST', `${path}?access_token=${w.mpToken}`, '');
    expect(wxError(empty.json)).toEqual({ errcode: 44002, base: 'empty post data' });
    const revoked = await h.call(
      'DELETE',
      `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`,
    );
    expect(revoked.status).toBe(200);
    expect(wxError((await quotaOf(w.mpToken, '/wxa/getwxasearchstatus')).json).errcode).toBe(61003);
  });
});

describe('the daily meter', () => {
  it('answers the 2,001st /cgi-bin/token of the day 45009, and serves it again after midnight +08:00', async () => {
    // 23:00 in China: an hour before the counters start again.
    const now = (await h.get('/_wxlocal/clock')).json.now as number;
    const chinaMidnight = Math.ceil((now + 8 * 3600) / 86400) * 86400 - 8 * 3600;
    await h.post('/_wxlocal/clock', { set: chinaMidnight - 3600 });
    const params = new URLSearchParams({ grant_type: 'client_credential', ...w.officialAccount });
    const token = () => h.get(`/cgi-bin/token?${params}`);
    const answers = await inBatches(2000, 50, async () => (await token()).json.errcode ?? 0);
    expect(answers.filter((errcode) => errcode === 0)).toHaveLength(2000);
    const refused = await token();
    expect(wxError(refused.json)).toEqual({
      errcode: 45009,
      base: 'reach max api daily quota limit, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
    });
    expect(Object.keys(refused.json)).toEqual(['errcode', 'errmsg']);
    await advanceClock(h, 3600);
    const fresh = (await token()).json.access_token;
    expect(fresh).toBeTypeOf('string');
    const quota = await quotaOf(fresh, '/cgi-bin/token');
    expect(quota.json.quota).toEqual({ daily_limit: 2000, used: 1, remain: 1999 });
  }, 60_000);

  it('reaches 45009 exactly at a limit set on the control plane, and clear_quota starts it again', async () => {
    const path = '/wxa/getwxasearchstatus';
    const set = await setMeter('accounts', w.miniProgram.appid, { cgi_path: path, daily_limit: 5, used: 4 });
    expect(set.status).toBe(200);
    expect(set.json.counters).toEqual([
      { cgi_path: path, daily_limit: 5, used: 4, remain: 1, enforced: true },
    ]);
    expect((await searchStatus()).json.errcode).toBe(0);
    const refused = await searchStatus();
    expect(wxError(refused.json)).toEqual({ errcode: 45009, base: 'reach max api daily quota limit' });
    expect((await quotaOf(w.mpToken, path)).json.quota).toEqual({ daily_limit: 5, used: 5, remain: 0 });

    const cleared = await h.post(`/cgi-bin/clear_quota?access_token=${w.mpToken}`, {
      appid: w.miniProgram.appid,
    });
    expect(cleared.json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await searchStatus()).json.errcode).toBe(0);
    const after = (await meter('accounts', w.miniProgram.appid)).json;
    expect(after.clears).toEqual({ used: 1, limit: 10 });
    expect(after.counters.find((c: { cgi_path: string }) => c.cgi_path === path)).toEqual({
      cgi_path: path,
      daily_limit: 5,
      used: 1,
      remain: 4,
      enforced: true,
    });
  });

  it('the next call sees a limit as soon as it is set, removed, restored or reset', async () => {
    const path = '/wxa/getwxasearchstatus';
    const limit = (daily_limit: number | null) =>
      setMeter('accounts', w.miniProgram.appid, { cgi_path: path, daily_limit, used: 0 });
    const errcode = async () => (await searchStatus()).json.errcode;
    await limit(1);
    const snapshot = (await h.post('/_wxlocal/snapshots')).json;
    expect([await errcode(), await errcode()]).toEqual([0, 45009]);
    await limit(null);
    expect([await errcode(), await errcode()]).toEqual([0, 0]);
    await h.post(`/_wxlocal/snapshots/${snapshot.id}/restore`);
    expect([await errcode(), await errcode()]).toEqual([0, 45009]);
    await limit(3);
    expect(await errcode()).toBe(0);
    const state = (await h.get('/_wxlocal/state')).json;
    await h.post('/_wxlocal/reset');
    await h.call('PUT', '/_wxlocal/state', state);
    expect([await errcode(), await errcode(), await errcode()]).toEqual([0, 0, 45009]);
  });

  it('the 11th clear of the month answers 48006 and resets nothing', async () => {
    const appid = w.miniProgram.appid;
    const clear = () => h.post(`/cgi-bin/clear_quota?access_token=${w.mpToken}`, { appid });
    for (let i = 0; i < 9; i++) expect((await clear()).json.errcode).toBe(0);
    await setMeter('accounts', appid, { cgi_path: '/wxa/getwxasearchstatus', used: 7 });
    expect((await clear()).json.errcode).toBe(0);
    expect((await meter('accounts', appid)).json.clears).toEqual({ used: 10, limit: 10 });
    await searchStatus();
    const refused = await clear();
    expect(wxError(refused.json)).toEqual({
      errcode: 48006,
      base: 'forbid to clear quota because of reaching the limit',
    });
    const kept = (await quotaOf(w.mpToken, '/wxa/getwxasearchstatus')).json.quota;
    expect(kept.used).toBe(1);
    // A new month brings ten more.
    const now = (await h.get('/_wxlocal/clock')).json.now as number;
    await h.post('/_wxlocal/clock', { set: now + 32 * 86400 });
    const own = await ownToken(w.miniProgram);
    expect((await h.post(`/cgi-bin/clear_quota?access_token=${own}`, { appid })).json.errcode).toBe(0);
  });

  it('a clear leaves /cgi-bin/token and stable_token counted', async () => {
    const params = new URLSearchParams({ grant_type: 'client_credential', ...w.miniProgram });
    await h.get(`/cgi-bin/token?${params}`);
    const own = await ownToken(w.miniProgram);
    await h.post('/cgi-bin/stable_token', { grant_type: 'client_credential', ...w.miniProgram });
    await searchStatus();
    expect(
      (await h.post(`/cgi-bin/clear_quota?access_token=${own}`, { appid: w.miniProgram.appid })).json.errcode,
    ).toBe(0);
    const counters = (await meter('accounts', w.miniProgram.appid)).json.counters;
    const used = Object.fromEntries(
      counters.map((c: { cgi_path: string; used: number }) => [c.cgi_path, c.used]),
    );
    expect(used).toEqual({ '/cgi-bin/token': 2, '/cgi-bin/stable_token': 1, '/cgi-bin/clear_quota': 1 });
  });

  it('stable_token and clear_quota answer 45009 exactly at their published limits, 500,000 and 100', async () => {
    const appid = w.miniProgram.appid;
    const stable = () =>
      h.post('/cgi-bin/stable_token', { grant_type: 'client_credential', ...w.miniProgram });
    await setMeter('accounts', appid, { cgi_path: '/cgi-bin/stable_token', used: 499999 });
    expect((await stable()).json.access_token).toBeTypeOf('string');
    expect(wxError((await stable()).json)).toEqual({
      errcode: 45009,
      base: 'reach max api daily quota limit',
    });
    const clear = () => h.post(`/cgi-bin/clear_quota?access_token=${w.mpToken}`, { appid });
    await setMeter('accounts', appid, { cgi_path: '/cgi-bin/clear_quota', used: 99 });
    expect((await clear()).json.errcode).toBe(0);
    expect(wxError((await clear()).json)).toEqual({
      errcode: 45009,
      base: 'reach max api daily quota limit',
    });
    // The refused clear reset nothing and used no chance of the month.
    const after = (await meter('accounts', appid)).json;
    expect(after.clears).toEqual({ used: 1, limit: 10 });
    expect(
      after.counters.find((c: { cgi_path: string }) => c.cgi_path === '/cgi-bin/stable_token').used,
    ).toBe(500000);
  });

  it('200 concurrent calls against an enforced limit of 50 give exactly 50 successes', async () => {
    await setMeter('accounts', w.miniProgram.appid, { cgi_path: '/wxa/getwxasearchstatus', daily_limit: 50 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => (await searchStatus()).json.errcode),
    );
    expect(answers.filter((errcode) => errcode === 0)).toHaveLength(50);
    expect(answers.filter((errcode) => errcode === 45009)).toHaveLength(150);
    expect((await quotaOf(w.mpToken, '/wxa/getwxasearchstatus')).json.quota).toEqual({
      daily_limit: 50,
      used: 50,
      remain: 0,
    });
  });

  it('stores the counts within a second, and a snapshot holds them', async () => {
    await searchStatus();
    await searchStatus();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await quotaOf(w.mpToken, '/wxa/getwxasearchstatus')).json.quota.used).toBe(2);
    const snapshot = (await h.post('/_wxlocal/snapshots')).json;
    await searchStatus();
    await h.post(`/_wxlocal/snapshots/${snapshot.id}/restore`);
    expect((await quotaOf(w.mpToken, '/wxa/getwxasearchstatus')).json.quota.used).toBe(2);
  });
});

describe('the meter across a restart', () => {
  it('keeps every count and rid of a stopped emulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-quota-'));
    const file = join(dir, 'state.db');
    try {
      await h.close();
      h = await startEmulator({ file });
      w = await createWorld(h);
      await searchStatus();
      await searchStatus();
      const failed = await h.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status: 5 });
      await h.close();
      h = await startEmulator({ file });
      const quota = await quotaOf(w.mpToken, '/wxa/getwxasearchstatus');
      expect(quota.json.quota).toEqual({ daily_limit: 100000, used: 2, remain: 99998 });
      const { rid } = splitErrmsg(failed.json.errmsg);
      const found = await h.post(`/cgi-bin/openapi/rid/get?access_token=${w.mpToken}`, { rid });
      expect(found.json.request.response_body).toBe(failed.text);
    } finally {
      await h.close();
      h = await startEmulator();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rid/get', () => {
  const ridGet = (token: string, rid: unknown) =>
    h.post(`/cgi-bin/openapi/rid/get?access_token=${token}`, { rid });

  it('returns the exact request and answer of a failed call to the account that made it', async () => {
    const failed = await h.call(
      'POST',
      `/wxa/changewxasearchstatus?access_token=${w.mpToken}&x=1`,
      '{"status":7}',
    );
    expect(failed.json.errcode).not.toBe(0);
    const { rid } = splitErrmsg(failed.json.errmsg);
    const response = await ridGet(w.mpToken, rid);
    expect(response.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      request: {
        invoke_time: Number.parseInt(rid.slice(0, 8), 16),
        cost_in_ms: expect.any(Number),
        request_url: `access_token=${w.mpToken}&x=1`,
        request_body: '{"status":7}',
        response_body: failed.text,
        client_ip: expect.stringMatching(/127\.0\.0\.1$/),
      },
    });
    expect(response.json.request.cost_in_ms).toBeGreaterThanOrEqual(0);
    expect(Object.keys(response.json.request)).toEqual([
      'invoke_time',
      'cost_in_ms',
      'request_url',
      'request_body',
      'response_body',
      'client_ip',
    ]);
    // The account's own token reads it too; another account's or the component's does not.
    expect((await ridGet(await ownToken(w.miniProgram), rid)).json.errcode).toBe(0);
    expect(wxError((await ridGet(w.oaToken, rid)).json)).toEqual({
      errcode: 76003,
      base: 'could not query this rid, no permission',
    });
    expect(wxError((await ridGet(w.componentToken, rid)).json).errcode).toBe(76003);
  });

  it('refuses malformed rids 76002, old ones 76004, unknown ones 76001, ownerless ones 76003', async () => {
    for (const rid of [
      '',
      'abc',
      '617682e0-09059ac5',
      '617682e0-09059ac5-34a8e2eg',
      ' 617682e0-09059ac5-34a8e2ea',
      7,
    ]) {
      expect(wxError((await ridGet(w.mpToken, rid)).json), String(rid)).toEqual({
        errcode: 76002,
        base: 'rid is error',
      });
    }
    expect(wxError((await ridGet(w.mpToken, '617682e0-09059ac5-34a8e2ea')).json)).toEqual({
      errcode: 76004,
      base: 'rid time is error',
    });
    const now = (await h.get('/_wxlocal/clock')).json.now as number;
    const hex = (seconds: number) => seconds.toString(16).padStart(8, '0');
    expect(wxError((await ridGet(w.mpToken, `${hex(now + 60)}-00000000-00000000`)).json).errcode).toBe(76004);
    expect(wxError((await ridGet(w.mpToken, `${hex(now)}-00000000-00000000`)).json)).toEqual({
      errcode: 76001,
      base: 'rid not found, please check',
    });
    const unknownToken = await h.get('/wxa/getwxasearchstatus?access_token=nosuchtoken');
    const { rid } = splitErrmsg(unknownToken.json.errmsg);
    expect(wxError((await ridGet(w.mpToken, rid.toUpperCase())).json).errcode).toBe(76003);
  });

  it('keeps a rid seven days', async () => {
    const failed = await h.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status: 9 });
    const { rid } = splitErrmsg(failed.json.errmsg);
    await advanceClock(h, 7 * 86400 - 5);
    const own = await ownToken(w.miniProgram);
    expect((await ridGet(own, rid)).json.errcode).toBe(0);
    await advanceClock(h, 10);
    expect(wxError((await ridGet(own, rid)).json)).toEqual({ errcode: 76004, base: 'rid time is error' });
  });
});

describe('the clear endpoints', () => {
  const v2 = (query: Record<string, string>, body?: unknown) =>
    h.call('POST', `/cgi-bin/clear_quota/v2?${new URLSearchParams(query)}`, body ?? '');
  const componentV2 = (body: unknown) => h.post('/cgi-bin/component/clear_quota/v2', body);
  const used = async (kind: 'accounts' | 'platforms', appid: string) =>
    Object.fromEntries(
      (await meter(kind, appid)).json.counters.map((c: { cgi_path: string; used: number }) => [
        c.cgi_path,
        c.used,
      ]),
    );

  it('clear_quota: 41002, 40013 for an appid not the token’s, then clears the token’s account', async () => {
    const clear = (token: string, body: unknown) =>
      h.post(`/cgi-bin/clear_quota?access_token=${token}`, body);
    expect(wxError((await clear(w.mpToken, {})).json)).toEqual({ errcode: 41002, base: 'appid missing' });
    expect(wxError((await clear(w.mpToken, { appid: w.officialAccount.appid })).json)).toEqual({
      errcode: 40013,
      base: 'invalid appid',
    });
    expect(wxError((await clear(w.componentToken, { appid: w.miniProgram.appid })).json).errcode).toBe(40013);
    expect((await meter('accounts', w.miniProgram.appid)).json.clears.used).toBe(0);
    await searchStatus();
    expect((await clear(w.componentToken, { appid: w.platform.appid })).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect((await meter('platforms', w.platform.appid)).json.clears.used).toBe(1);
    expect((await used('accounts', w.miniProgram.appid))['/wxa/getwxasearchstatus']).toBe(1);
  });

  it('clear_quota/v2 reads the query first, takes an empty body, and checks in order', async () => {
    const { appid, secret } = w.miniProgram;
    const cases: [Record<string, string>, number, string][] = [
      [{ appsecret: secret }, 41002, 'appid missing'],
      [{ appid }, 41004, 'appsecret missing'],
      [{ appid: 'wx0000000000000000', appsecret: secret }, 40013, 'invalid appid'],
      [
        { appid: w.platform.appid, appsecret: w.platform.secret },
        61024,
        'must use api(api_component_token) to get token for component acct',
      ],
      [{ appid, appsecret: 'f'.repeat(32) }, 40125, 'invalid appsecret'],
    ];
    for (const [query, errcode, base] of cases) {
      expect(wxError((await v2(query)).json), JSON.stringify(query)).toEqual({ errcode, base });
    }
    await searchStatus();
    expect((await v2({ appid, appsecret: secret, access_token: 'ignored' })).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect((await used('accounts', appid))['/wxa/getwxasearchstatus']).toBeUndefined();
    expect((await v2({ appid }, { appsecret: secret })).json.errcode).toBe(0);
    expect((await v2({}, { appid, appsecret: secret })).json.errcode).toBe(0);
    expect((await v2({ appid, appsecret: secret }, {})).json.errcode).toBe(0);
    expect((await meter('accounts', appid)).json.clears.used).toBe(4);
  });

  it('component/clear_quota clears the component’s own counters, api_component_token included', async () => {
    const clear = (body: unknown, token = w.componentToken) =>
      h.post(`/cgi-bin/component/clear_quota?component_access_token=${token}`, body);
    expect(wxError((await clear({})).json)).toEqual({ errcode: 41018, base: 'missing component_appid' });
    expect(wxError((await clear({ component_appid: w.miniProgram.appid })).json).errcode).toBe(40013);
    expect(wxError((await clear({ component_appid: w.platform.appid }, w.mpToken)).json).errcode).toBe(48001);
    expect((await used('platforms', w.platform.appid))['/cgi-bin/component/api_component_token']).toBe(1);
    expect((await clear({ component_appid: w.platform.appid })).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await used('platforms', w.platform.appid)).toEqual({ '/cgi-bin/component/clear_quota': 1 });
  });

  it('component/clear_quota/v2 checks in order and clears the component or an authorized account', async () => {
    const component_appid = w.platform.appid;
    const appsecret = w.platform.secret;
    expect(wxError((await h.call('POST', '/cgi-bin/component/clear_quota/v2', '')).json).errcode).toBe(44002);
    expect(wxError((await h.call('POST', '/cgi-bin/component/clear_quota/v2', '{x')).json).errcode).toBe(
      47001,
    );
    const stranger = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json.appid;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ appsecret }, 41002, 'appid missing'],
      [{ component_appid }, 41004, 'appsecret missing'],
      [{ component_appid: 'wx0000000000000000', appsecret }, 40013, 'invalid appid'],
      [{ component_appid: w.miniProgram.appid, appsecret: w.miniProgram.secret }, 61011, 'invalid component'],
      [{ component_appid, appsecret: 'f'.repeat(32) }, 40125, 'invalid appsecret'],
      [{ component_appid, appsecret, appid: stranger }, 43007, 'require bizuser authorize'],
    ];
    for (const [body, errcode, base] of cases) {
      expect(wxError((await componentV2(body)).json), JSON.stringify(body)).toEqual({ errcode, base });
    }
    await searchStatus();
    expect((await componentV2({ component_appid, appsecret, appid: w.miniProgram.appid })).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    expect(await used('accounts', w.miniProgram.appid)).toEqual({});
    expect((await meter('accounts', w.miniProgram.appid)).json.clears.used).toBe(1);
    expect((await meter('platforms', component_appid)).json.clears.used).toBe(0);
    await h.call('DELETE', `/_wxlocal/authorizations/${component_appid}/${w.miniProgram.appid}`);
    const revoked = await componentV2({ component_appid, appsecret, appid: w.miniProgram.appid });
    expect(wxError(revoked.json).errcode).toBe(43007);
    expect((await componentV2({ component_appid, appsecret, appid: '' })).json.errcode).toBe(0);
    expect((await meter('platforms', component_appid)).json.clears.used).toBe(1);
  });

  it('all four clears share the ten a month of the account they clear', async () => {
    const appid = w.miniProgram.appid;
    await setMeter('accounts', appid, { clears_used: 9 });
    expect((await v2({ appid, appsecret: w.miniProgram.secret })).json.errcode).toBe(0);
    const body = { component_appid: w.platform.appid, appsecret: w.platform.secret, appid };
    expect(wxError((await componentV2(body)).json)).toEqual({
      errcode: 48006,
      base: 'forbid to clear quota because of reaching the limit',
    });
    await setMeter('platforms', w.platform.appid, { clears_used: 10 });
    const own = await h.post(`/cgi-bin/component/clear_quota?component_access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
    });
    expect(wxError(own.json).errcode).toBe(48006);
  });

  it('openapi/quota/clear resets one API, fifty times a month', async () => {
    const clearOne = (cgi_path: string) =>
      h.post(`/cgi-bin/openapi/quota/clear?access_token=${w.mpToken}`, { cgi_path });
    await searchStatus();
    await h.post(`/wxa/get_effective_domain?access_token=${w.mpToken}`, {});
    expect(wxError((await clearOne('/wxa/nothing')).json).errcode).toBe(76021);
    expect(wxError((await clearOne('/cgi-bin/wxopen/wxamplink')).json).errcode).toBe(76022);
    expect((await clearOne('/wxa/getwxasearchstatus')).json).toEqual({ errcode: 0, errmsg: 'ok' });
    const counts = await used('accounts', w.miniProgram.appid);
    expect(counts['/wxa/getwxasearchstatus']).toBe(0);
    expect(counts['/wxa/get_effective_domain']).toBe(1);
    const after = (await meter('accounts', w.miniProgram.appid)).json;
    expect(after.api_clears).toEqual({ used: 1, limit: 50 });
    expect(after.clears.used).toBe(0);
    await setMeter('accounts', w.miniProgram.appid, { api_clears_used: 50 });
    expect(wxError((await clearOne('/wxa/getwxasearchstatus')).json).errcode).toBe(48006);
  });
});

describe('the control plane', () => {
  it('lists the counters with calls, refuses unknown accounts and paths, and a reset clears it all', async () => {
    expect((await meter('accounts', 'wx0000000000000000')).status).toBe(404);
    expect((await meter('platforms', w.miniProgram.appid)).status).toBe(404);
    const badPath = await setMeter('accounts', w.miniProgram.appid, { cgi_path: '/wxa/nothing', used: 1 });
    expect(badPath.status).toBe(400);
    expect((await setMeter('accounts', w.miniProgram.appid, { used: 1 })).status).toBe(400);
    await searchStatus();
    const shown = (await meter('accounts', w.miniProgram.appid)).json;
    expect(shown).toEqual({
      appid: w.miniProgram.appid,
      day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      counters: [
        { cgi_path: '/wxa/getwxasearchstatus', daily_limit: 100000, used: 1, remain: 99999, enforced: false },
      ],
      clears: { used: 0, limit: 10 },
      api_clears: { used: 0, limit: 50 },
    });
    const dropped = await setMeter('accounts', w.miniProgram.appid, {
      cgi_path: '/wxa/getwxasearchstatus',
      daily_limit: 3,
    });
    expect(dropped.json.counters[0]).toMatchObject({ daily_limit: 3, enforced: true });
    const back = await setMeter('accounts', w.miniProgram.appid, {
      cgi_path: '/wxa/getwxasearchstatus',
      daily_limit: null,
    });
    expect(back.json.counters[0]).toMatchObject({ daily_limit: 100000, enforced: false });
    await setMeter('accounts', w.miniProgram.appid, { cgi_path: '/wxa/getwxasearchstatus', daily_limit: 3 });
    await h.post('/_wxlocal/reset');
    const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', appid: w.miniProgram.appid }))
      .json;
    expect((await meter('accounts', account.appid)).json.counters).toEqual([]);
  });

  it('the typed control client reads and sets the meter', async () => {
    const control = controlClient(h.baseUrl);
    const path = '/cgi-bin/component/api_create_preauthcode';
    const set = await control.platforms.setQuota(w.platform.appid, {
      cgi_path: path,
      daily_limit: 1,
      used: 1,
    });
    expect(set.counters.find((counter) => counter.cgi_path === path)).toEqual({
      cgi_path: path,
      daily_limit: 1,
      used: 1,
      remain: 0,
      enforced: true,
    });
    const refused = await h.post(
      `/cgi-bin/component/api_create_preauthcode?access_token=${w.componentToken}`,
      {
        component_appid: w.platform.appid,
      },
    );
    expect(wxError(refused.json).errcode).toBe(45009);
    await control.accounts.setQuota(w.officialAccount.appid, { clears_used: 3 });
    expect((await control.accounts.quota(w.officialAccount.appid)).clears).toEqual({ used: 3, limit: 10 });
    await expect(control.accounts.quota('wx0000000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('--api-quota enforce refuses every API at its limit', async () => {
    await h.close();
    h = await startEmulator({ apiQuota: 'enforce' });
    w = await createWorld(h);
    await setMeter('accounts', w.miniProgram.appid, { cgi_path: '/wxa/getwxasearchstatus', used: 99999 });
    expect((await meter('accounts', w.miniProgram.appid)).json.counters[0].enforced).toBe(true);
    expect((await searchStatus()).json.errcode).toBe(0);
    expect(wxError((await searchStatus()).json).errcode).toBe(45009);
  });
});
