import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const tokenUrl = (params: Record<string, string>) => `/cgi-bin/token?${new URLSearchParams(params)}`;
const accessToken = (appid: string, secret: string) =>
  h.get(tokenUrl({ grant_type: 'client_credential', appid, secret }));
const stable = (body: Record<string, unknown>) => h.post('/cgi-bin/stable_token', body);
const stableFor = (force_refresh = false) =>
  stable({
    grant_type: 'client_credential',
    appid: w.miniProgram.appid,
    secret: w.miniProgram.secret,
    force_refresh,
  });
/** The account's own token is for its own APIs: a component API answers 48001. */
const useOnComponentApi = (token: string) =>
  h.post(`/cgi-bin/component/api_create_preauthcode?access_token=${token}`, {
    component_appid: w.platform.appid,
  });

describe('GET /cgi-bin/token', () => {
  it('issues a 7200 s token', async () => {
    const response = await accessToken(w.miniProgram.appid, w.miniProgram.secret);
    expect(Object.keys(response.json)).toEqual(['access_token', 'expires_in']);
    expect(response.json.expires_in).toBe(7200);
    expect(response.json.access_token).toMatch(/^[A-Za-z0-9_-]{100,}$/);
  });

  it('reports each error in check order', async () => {
    const { appid, secret } = w.miniProgram;
    const cases: [Record<string, string>, number, string][] = [
      [{ grant_type: 'client_credential', secret }, 41002, 'appid missing'],
      [{ grant_type: 'client_credential', appid }, 41004, 'appsecret missing'],
      [{ appid: 'wx0000000000000000', secret }, 40013, 'invalid appid'],
      [{ grant_type: 'password', appid, secret }, 40002, 'invalid grant_type'],
      [{ appid, secret }, 40002, 'invalid grant_type'],
      [{ grant_type: 'client_credential', appid, secret: 'f'.repeat(32) }, 40125, 'invalid appsecret'],
      [
        { grant_type: 'client_credential', appid: w.platform.appid, secret: w.platform.secret },
        61024,
        'must use api(api_component_token) to get token for component acct',
      ],
    ];
    for (const [params, errcode, base] of cases) {
      expect(wxError((await h.get(tokenUrl(params))).json), JSON.stringify(params)).toEqual({
        errcode,
        base,
      });
    }
  });

  it('a new token leaves the previous one 300 s, and never touches the stable token', async () => {
    const first = (await accessToken(w.miniProgram.appid, w.miniProgram.secret)).json.access_token;
    const stableToken = (await stableFor()).json.access_token;
    await accessToken(w.miniProgram.appid, w.miniProgram.secret);
    await advanceClock(h, 299);
    expect(wxError((await useOnComponentApi(first)).json).errcode).toBe(48001);
    await advanceClock(h, 1);
    expect(wxError((await useOnComponentApi(first)).json).errcode).toBe(40001);
    expect(wxError((await useOnComponentApi(stableToken)).json).errcode).toBe(48001);
  });
});

describe('POST /cgi-bin/stable_token', () => {
  it('GET answers 43002 and a form body 41002', async () => {
    expect(wxError((await h.get('/cgi-bin/stable_token')).json)).toEqual({
      errcode: 43002,
      base: 'require POST method',
    });
    const form = await h.call(
      'POST',
      '/cgi-bin/stable_token',
      `grant_type=client_credential&appid=${w.miniProgram.appid}&secret=${w.miniProgram.secret}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(wxError(form.json)).toEqual({ errcode: 41002, base: 'appid missing' });
    expect(wxError((await h.call('POST', '/cgi-bin/stable_token', '')).json).errcode).toBe(44002);
  });

  it('returns the same token with its remaining lifetime, and renews it in the last 300 s', async () => {
    const first = (await stableFor()).json;
    expect(first.expires_in).toBe(7200);
    await advanceClock(h, 1000);
    const same = (await stableFor()).json;
    expect(same).toEqual({ access_token: first.access_token, expires_in: 6200 });
    await advanceClock(h, 5899);
    expect((await stableFor()).json).toEqual({ access_token: first.access_token, expires_in: 301 });
    await advanceClock(h, 1);
    const renewed = (await stableFor()).json;
    expect(renewed.access_token).not.toBe(first.access_token);
    expect(renewed.expires_in).toBe(7200);
    // The old one keeps its own expiry.
    await advanceClock(h, 299);
    expect(wxError((await useOnComponentApi(first.access_token)).json).errcode).toBe(48001);
    await advanceClock(h, 1);
    expect(wxError((await useOnComponentApi(first.access_token)).json).errcode).toBe(42001);
  });

  it('force_refresh issues a new token and ends the previous one at once; 30 s apart', async () => {
    const first = (await stableFor()).json.access_token;
    const forced = (await stableFor(true)).json;
    expect(forced.access_token).not.toBe(first);
    expect(forced.expires_in).toBe(7200);
    expect(wxError((await useOnComponentApi(first)).json).errcode).toBe(40001);
    await advanceClock(h, 29);
    expect((await stableFor(true)).json).toEqual({ access_token: forced.access_token, expires_in: 7171 });
    await advanceClock(h, 1);
    expect((await stableFor(true)).json.access_token).not.toBe(forced.access_token);
  });

  it('the 21st forced refresh of a China-time day answers 45009; the next day starts again', async () => {
    const now = (await h.get('/_wxlocal/clock')).json.now;
    // 00:00:00 +08:00 of the next day.
    const dayStart = Math.ceil((now + 8 * 3600) / 86400) * 86400 - 8 * 3600;
    await h.post('/_wxlocal/clock', { set: dayStart });
    for (let i = 0; i < 20; i++) {
      expect((await stableFor(true)).json.expires_in, `refresh ${i + 1}`).toBe(7200);
      await advanceClock(h, 30);
    }
    expect(wxError((await stableFor(true)).json)).toEqual({
      errcode: 45009,
      base: 'reach max api daily quota limit',
    });
    // A normal call still works.
    expect((await stableFor()).json.expires_in).toBeGreaterThan(7000);
    await h.post('/_wxlocal/clock', { set: dayStart + 86400 });
    expect((await stableFor(true)).json.expires_in).toBe(7200);
  });

  it('a component appid answers 61024', async () => {
    const response = await stable({
      grant_type: 'client_credential',
      appid: w.platform.appid,
      secret: w.platform.secret,
    });
    expect(wxError(response.json).errcode).toBe(61024);
  });
});
