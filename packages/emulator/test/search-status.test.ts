import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const set = (body: unknown, token = w.mpToken) =>
  h.call('POST', `/wxa/changewxasearchstatus?access_token=${token}`, body);
const get = async (token = w.mpToken) => (await h.get(`/wxa/getwxasearchstatus?access_token=${token}`)).json;
const statusNow = async () => (await get()).status;

describe('setSearchStatus and getSearchStatus', () => {
  it('a new Mini Program is searchable; status 1 hides it, 0 shows it again', async () => {
    expect(await get()).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
    expect((await set({ status: 1 })).text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(await statusNow()).toBe(1);
    expect((await set({ status: 1 })).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await set({ status: 0 })).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await statusNow()).toBe(0);
  });

  it('coerces numeric strings and booleans; {} , [] and null mean status 0', async () => {
    for (const [body, expected] of [
      ['{"status":"1"}', 1],
      ['{"status":""}', 0],
      ['{"status":" 1 "}', 1],
      ['{}', 0],
      ['{"status":true}', 1],
      ['[]', 0],
      ['{"status":"true"}', 1],
      ['null', 0],
    ] as const) {
      expect((await set(body)).json, body).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(await statusNow(), body).toBe(expected);
    }
  });

  it('85084 for a status other than 0 or 1, and nothing changes', async () => {
    await set({ status: 1 });
    for (const status of [2, -1, '7']) {
      expect(wxError((await set({ status })).json)).toEqual({
        errcode: 85084,
        base: 'search status invalid',
      });
    }
    expect(await statusNow()).toBe(1);
  });

  it('47001 for a status that is not a number, or a body that is not JSON', async () => {
    for (const body of [
      '{"status":"abc"}',
      '{"status":{}}',
      '{"status":1.5}',
      '{"status":[1]}',
      '{"status":',
      '"1"',
      '7',
    ]) {
      expect(wxError((await set(body)).json), body).toEqual({ errcode: 47001, base: 'data format error' });
    }
    expect(wxError((await set(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).json).errcode).toBe(47001);
  });

  it('44002 for a zero-length or blank body', async () => {
    expect(wxError((await set('')).json)).toEqual({ errcode: 44002, base: 'empty post data' });
    expect(wxError((await set('  \n')).json).errcode).toBe(44002);
  });

  it('85083 while the search flag is banned; reads still work; lifting the ban allows changes', async () => {
    const patched = await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, {
      search_banned: true,
    });
    expect(patched.json.search_banned).toBe(true);
    expect(wxError((await set({ status: 1 })).json)).toEqual({
      errcode: 85083,
      base: 'search status is banned',
    });
    expect(await get()).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
    // A bad status is a parameter error, checked before the ban.
    expect(wxError((await set({ status: 3 })).json).errcode).toBe(85084);
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { search_banned: false });
    expect((await set({ status: 1 })).json.errcode).toBe(0);
  });

  it('a GET on changewxasearchstatus is a call with no body (44002); getwxasearchstatus accepts POST', async () => {
    expect(wxError((await h.get(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`)).json).errcode).toBe(
      44002,
    );
    const viaPost = await h.post(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`, { status: 1 });
    expect(viaPost.json).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
  });
});

describe('who may call', () => {
  it('61007 when the authorization lacks permission set 18', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const token = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: mp.appid,
        func_info: [17, 19],
      })
    ).json.authorizer_access_token;
    const expected = { errcode: 61007, base: 'api is unauthorized to component' };
    expect(wxError((await set({ status: 1 }, token)).json)).toEqual(expected);
    expect(wxError(await get(token))).toEqual(expected);
  });

  it("the Mini Program's own tokens answer 40014", async () => {
    const own = (
      await h.get(
        `/cgi-bin/token?grant_type=client_credential&appid=${w.miniProgram.appid}&secret=${w.miniProgram.secret}`,
      )
    ).json.access_token;
    const stableToken = (
      await h.post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: w.miniProgram.appid,
        secret: w.miniProgram.secret,
      })
    ).json.access_token;
    for (const token of [own, stableToken]) {
      expect(wxError((await set({ status: 1 }, token)).json)).toEqual({
        errcode: 40014,
        base: 'invalid access_token',
      });
      expect(wxError(await get(token)).errcode).toBe(40014);
    }
  });

  it('a component token or an Official Account token answers 48001', async () => {
    for (const token of [w.componentToken, w.oaToken]) {
      expect(wxError((await set({ status: 1 }, token)).json)).toEqual({
        errcode: 48001,
        base: 'api unauthorized',
      });
      expect(wxError(await get(token)).errcode).toBe(48001);
    }
    expect(await statusNow()).toBe(0);
  });
});

describe('wire protocol', () => {
  it('41001 without a token, with an empty one, or with the token only in the body', async () => {
    const missing = { errcode: 41001, base: 'access_token missing' };
    expect(wxError((await h.post('/wxa/changewxasearchstatus', { status: 1 })).json)).toEqual(missing);
    expect(wxError((await h.post('/wxa/changewxasearchstatus?access_token=', { status: 1 })).json)).toEqual(
      missing,
    );
    const inBody = await h.post('/wxa/changewxasearchstatus', { status: 1, access_token: w.mpToken });
    expect(wxError(inBody.json)).toEqual(missing);
    // Authorizer endpoints read access_token only.
    const wrongName = await h.get(`/wxa/getwxasearchstatus?component_access_token=${w.mpToken}`);
    expect(wxError(wrongName.json)).toEqual(missing);
  });

  it('40014 for a token with characters outside [A-Za-z0-9_-], 40001 for one never issued', async () => {
    expect(wxError(await get('abc%24def')).errcode).toBe(40014);
    expect(wxError(await get('has%20space')).errcode).toBe(40014);
    expect(wxError(await get('2')).errcode).toBe(40001);
    expect(wxError(await get(`fake_token_${'0'.repeat(40)}`)).errcode).toBe(40001);
  });

  it('the first of a repeated access_token wins', async () => {
    expect(
      (await h.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}&access_token=nope`)).json.errcode,
    ).toBe(0);
    expect(
      (await h.get(`/wxa/getwxasearchstatus?access_token=nope&access_token=${w.mpToken}`)).json.errcode,
    ).toBe(40001);
  });

  it('component endpoints accept either parameter name; component_access_token wins', async () => {
    const body = { component_appid: w.platform.appid };
    const path = '/cgi-bin/component/api_create_preauthcode';
    expect((await h.post(`${path}?access_token=${w.componentToken}`, body)).json.expires_in).toBe(600);
    expect((await h.post(`${path}?component_access_token=${w.componentToken}`, body)).json.expires_in).toBe(
      600,
    );
    const both = await h.post(`${path}?component_access_token=${w.componentToken}&access_token=nope`, body);
    expect(both.json.expires_in).toBe(600);
    const bothReversed = await h.post(
      `${path}?component_access_token=nope&access_token=${w.componentToken}`,
      body,
    );
    expect(wxError(bothReversed.json).errcode).toBe(40001);
    // An authorizer token on a component API.
    expect(wxError((await h.post(`${path}?access_token=${w.mpToken}`, body)).json).errcode).toBe(48001);
  });

  it('checks run in order: token before permission before body before business rules', async () => {
    const noSet = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json.appid,
        func_info: [],
      })
    ).json.authorizer_access_token;
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { search_banned: true });
    expect(wxError((await set('', noSet)).json).errcode).toBe(61007);
    expect(wxError((await set('{bad', w.oaToken)).json).errcode).toBe(48001);
    expect(wxError((await set('{bad')).json).errcode).toBe(47001);
    expect(wxError((await set({ status: 9 })).json).errcode).toBe(85084);
    expect(wxError((await set({ status: 1 })).json).errcode).toBe(85083);
    await advanceClock(h, 7200);
    expect(wxError((await set('')).json).errcode).toBe(42001);
  });

  it('errors are HTTP 200 with the WeChat Content-Type; unknown paths are 404 without an envelope', async () => {
    const error = await set('');
    expect(error.status).toBe(200);
    expect(error.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    expect(Object.keys(error.json)).toEqual(['errcode', 'errmsg']);
    for (const path of ['/wxa/nosuchapi', '/wxa/getwxasearchstatus/', '/WXA/getwxasearchstatus', '/']) {
      const response = await h.get(`${path}?access_token=${w.mpToken}`);
      expect(response.status, path).toBe(404);
      expect(response.json).not.toHaveProperty('errcode');
    }
  });

  it('a failed call changes nothing and is in the request log with its rid', async () => {
    await set({ status: 5 });
    const [entry] = (await h.get('/_wxlocal/requests?limit=1')).json.requests;
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/wxa/changewxasearchstatus',
      endpoint: 'setSearchStatus',
      appid: w.miniProgram.appid,
      errcode: 85084,
    });
    expect(await statusNow()).toBe(0);
  });
});
