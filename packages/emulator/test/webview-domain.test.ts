import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const direct = (body: unknown, token = w.mpToken) =>
  h.call('POST', `/wxa/setwebviewdomain_directly?access_token=${token}`, body);
const confirmFile = async (token = w.mpToken) =>
  (await h.post(`/wxa/get_webviewdomain_confirmfile?access_token=${token}`, {})).json;
const effective = async (token = w.mpToken) =>
  (await h.post(`/wxa/get_effective_webviewdomain?access_token=${token}`, {})).json;
const directList = async () => (await direct({ action: 'get' })).json.webviewdomain;
/** Serves the Mini Program's confirm file at the root of `host`, as the real web would. */
const serveConfirmFile = async (host: string, token = w.mpToken) => {
  const file = await confirmFile(token);
  await h.post('/_wxlocal/confirm-files', {
    url: `https://${host}/${file.file_name}`,
    content: file.file_content,
  });
};
const OK = { errcode: 0, errmsg: 'ok' };
const CONFIRM_FAIL = { errcode: 86103, base: 'check confirmfile fail!' };
const INVALID_ARGS = { errcode: 40097, base: 'invalid args' };

describe('get_webviewdomain_confirmfile', () => {
  it('returns a stable file shaped like the real ones', async () => {
    const file = await confirmFile();
    expect(file).toEqual({
      errcode: 0,
      errmsg: 'ok',
      file_name: expect.stringMatching(/^[A-Za-z0-9]{10}\.txt$/),
      file_content: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await confirmFile()).toEqual(file);
    const empty = await h.call('POST', `/wxa/get_webviewdomain_confirmfile?access_token=${w.mpToken}`, '');
    expect(wxError(empty.json)).toEqual({ errcode: 44002, base: 'empty post data' });
  });
});

describe('setwebviewdomain_directly', () => {
  it('get, add, delete and set, with exact JSON', async () => {
    expect((await direct({ action: 'get' })).text).toBe('{"errcode":0,"errmsg":"ok","webviewdomain":[]}');
    await serveConfirmFile('www.qq.com');
    await serveConfirmFile('m.qq.com');
    const added = await direct({ action: 'add', webviewdomain: ['https://www.qq.com', 'https://m.qq.com'] });
    expect(added.text).toBe('{"errcode":0,"errmsg":"ok"}');
    expect(await directList()).toEqual(['https://www.qq.com', 'https://m.qq.com']);
    // Adding what is there changes nothing; case and one trailing slash do not matter.
    expect((await direct({ action: 'add', webviewdomain: ['https://WWW.qq.com/'] })).json).toEqual(OK);
    expect(await directList()).toEqual(['https://www.qq.com', 'https://m.qq.com']);
    // Deleting an absent entry is fine.
    expect(
      (await direct({ action: 'delete', webviewdomain: ['https://m.qq.com', 'https://x.qq.com'] })).json,
    ).toEqual(OK);
    expect(await directList()).toEqual(['https://www.qq.com']);
    expect((await direct({ action: 'set', webviewdomain: ['https://m.qq.com/'] })).json).toEqual(OK);
    expect(await directList()).toEqual(['https://m.qq.com/']);
    expect((await direct({ action: 'set', webviewdomain: [] })).json).toEqual(OK);
    expect(await directList()).toEqual([]);
  });

  it('86103 until the confirm file is served at the domain root with the exact content', async () => {
    const file = await confirmFile();
    const add = () => direct({ action: 'add', webviewdomain: ['https://h5.example.com'] });
    expect(wxError((await add()).json)).toEqual(CONFIRM_FAIL);
    const serve = (url: string, content: string) => h.post('/_wxlocal/confirm-files', { url, content });
    await serve(`https://h5.example.com/sub/${file.file_name}`, file.file_content);
    expect(wxError((await add()).json)).toEqual(CONFIRM_FAIL);
    for (const hidden of [
      `\uFEFF${file.file_content}`,
      `${file.file_content}\n`,
      file.file_content.toUpperCase(),
    ]) {
      await serve(`https://h5.example.com/${file.file_name}`, hidden);
      expect(wxError((await add()).json)).toEqual(CONFIRM_FAIL);
    }
    await serve(`https://h5.example.com/${file.file_name.toLowerCase()}`, file.file_content);
    expect(wxError((await add()).json)).toEqual(CONFIRM_FAIL);
    expect(await directList()).toEqual([]);
    await serve(`https://h5.example.com/${file.file_name}`, file.file_content);
    expect((await add()).json).toEqual(OK);
    expect(await directList()).toEqual(['https://h5.example.com']);
  });

  it('86103 for a host without an ICP filing', async () => {
    await serveConfirmFile('nofiling.example.com');
    await h.call('PATCH', '/_wxlocal/hosts/nofiling.example.com', { icp_filed: false });
    expect(
      wxError((await direct({ action: 'add', webviewdomain: ['https://nofiling.example.com'] })).json),
    ).toEqual(CONFIRM_FAIL);
    await h.call('PATCH', '/_wxlocal/hosts/nofiling.example.com', { icp_filed: true });
    expect((await direct({ action: 'add', webviewdomain: ['https://nofiling.example.com'] })).json).toEqual(
      OK,
    );
  });

  it('only new entries are verified on set', async () => {
    await serveConfirmFile('a.example.com');
    await direct({ action: 'add', webviewdomain: ['https://a.example.com'] });
    await h.call(
      'DELETE',
      `/_wxlocal/confirm-files?url=${encodeURIComponent(`https://a.example.com/${(await confirmFile()).file_name}`)}`,
    );
    expect((await direct({ action: 'set', webviewdomain: ['https://a.example.com'] })).json).toEqual(OK);
    const withNew = await direct({
      action: 'set',
      webviewdomain: ['https://a.example.com', 'https://b.example.com'],
    });
    expect(wxError(withNew.json)).toEqual(CONFIRM_FAIL);
    expect(await directList()).toEqual(['https://a.example.com']);
  });

  it('40052 for an action that is missing or unknown', async () => {
    for (const body of [
      {},
      { action: 'put', webviewdomain: [] },
      { action: 'ADD', webviewdomain: ['https://a.b.com'] },
    ]) {
      expect(wxError((await direct(body)).json), JSON.stringify(body)).toEqual({
        errcode: 40052,
        base: 'invalid action name',
      });
    }
  });

  it('40097 for add or delete without entries, and for every malformed entry', async () => {
    expect(wxError((await direct({ action: 'add', webviewdomain: [] })).json)).toEqual(INVALID_ARGS);
    expect(wxError((await direct({ action: 'delete' })).json)).toEqual(INVALID_ARGS);
    for (const entry of [
      'http://www.qq.com',
      'www.qq.com',
      'https://www.qq.com:8443',
      'https://127.0.0.1',
      'https://www.qq.com/path',
      'https://www.qq.com//',
      'https://under_score.qq.com',
      'https://-bad.qq.com',
      'https://localhost',
      'https://',
      'wss://www.qq.com',
    ]) {
      expect(wxError((await direct({ action: 'add', webviewdomain: [entry] })).json), entry).toEqual(
        INVALID_ARGS,
      );
    }
    expect(wxError((await direct({ action: 'add', webviewdomain: [{}] })).json).errcode).toBe(47001);
  });

  it('89231 for a personal Mini Program', async () => {
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { personal: true });
    expect(wxError((await direct({ action: 'get' })).json)).toEqual({
      errcode: 89231,
      base: 'not support single',
    });
  });

  it('300 business domains are fine, the 301st answers 89029', async () => {
    const file = await confirmFile();
    const hosts = Array.from({ length: 301 }, (_, i) => `d${i}.example.com`);
    for (const host of hosts) {
      await h.post('/_wxlocal/confirm-files', {
        url: `https://${host}/${file.file_name}`,
        content: file.file_content,
      });
    }
    const entries = hosts.map((host) => `https://${host}`);
    expect((await direct({ action: 'set', webviewdomain: entries.slice(0, 299) })).json).toEqual(OK);
    expect((await direct({ action: 'add', webviewdomain: [entries[299]] })).json).toEqual(OK);
    expect(await directList()).toHaveLength(300);
    expect(wxError((await direct({ action: 'add', webviewdomain: [entries[300]] })).json)).toEqual({
      errcode: 89029,
      base: 'webview domain exceed limit',
    });
    expect(wxError((await direct({ action: 'set', webviewdomain: entries })).json).errcode).toBe(89029);
    expect(await directList()).toHaveLength(300);
  });

  it('a domain bound by the Mini Programs of 100 other subjects answers 506015 with an empty errmsg base', async () => {
    const host = 'shared.example.com';
    for (let i = 0; i < 100; i++) {
      const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', principal_name: `Subject ${i}` }))
        .json;
      const token = (
        await h.post('/_wxlocal/authorizations', {
          component_appid: (await h.post('/_wxlocal/platforms', {})).json.appid,
          authorizer_appid: mp.appid,
          func_info: [18],
        })
      ).json.authorizer_access_token;
      await serveConfirmFile(host, token);
      expect((await direct({ action: 'add', webviewdomain: [`https://${host}`] }, token)).json.errcode).toBe(
        0,
      );
    }
    await serveConfirmFile(host);
    const refused = (await direct({ action: 'add', webviewdomain: [`https://${host}`] })).json;
    expect(refused.errcode).toBe(506015);
    expect(refused.errmsg).toMatch(/^ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    // A Mini Program of a subject among the 100 may still bind it.
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { principal_name: 'Subject 7' });
    expect((await direct({ action: 'add', webviewdomain: [`https://${host}`] })).json).toEqual(OK);
  }, 60_000);
});

describe('get_effective_webviewdomain and release', () => {
  it('all four lists, [] when empty', async () => {
    expect((await h.post(`/wxa/get_effective_webviewdomain?access_token=${w.mpToken}`, {})).text).toBe(
      '{"errcode":0,"errmsg":"ok","mp_webviewdomain":[],"third_webviewdomain":[],"direct_webviewdomain":[],"effective_webviewdomain":[]}',
    );
  });

  it('direct domains take effect at the next release, together with the console ones', async () => {
    const mpDomains = ['https://a.example.com', 'https://b.example.com'];
    const put = await h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/webviewdomain`, {
      mp_webviewdomain: mpDomains,
    });
    expect(put.json.mp_webviewdomain).toEqual(mpDomains);
    await serveConfirmFile('b.example.com');
    await serveConfirmFile('c.example.com');
    await direct({ action: 'add', webviewdomain: ['https://B.example.com', 'https://c.example.com'] });
    expect(await effective()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      mp_webviewdomain: mpDomains,
      third_webviewdomain: [],
      direct_webviewdomain: ['https://B.example.com', 'https://c.example.com'],
      // Before the first release the admin's own list is in force.
      effective_webviewdomain: mpDomains,
    });
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    const inForce = ['https://a.example.com', 'https://b.example.com', 'https://c.example.com'];
    expect(await effective()).toMatchObject({ mp_webviewdomain: inForce, effective_webviewdomain: inForce });
    const info = await h.post(`/cgi-bin/component/api_get_authorizer_info?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
    });
    expect(info.json.authorizer_info.MiniProgramInfo.network.BizDomain).toEqual(inForce);
    // Deleting a direct domain takes effect at the next release only.
    await direct({ action: 'delete', webviewdomain: ['https://c.example.com'] });
    expect((await effective()).effective_webviewdomain).toEqual(inForce);
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect((await effective()).effective_webviewdomain).toEqual(inForce);
  });
});

describe('who may call', () => {
  it('61007 without set 18; 48001 for OA and component tokens; 40014 for the own token', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const noSet = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: mp.appid,
        func_info: [17],
      })
    ).json.authorizer_access_token;
    const own = (
      await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${mp.appid}&secret=${mp.secret}`)
    ).json.access_token;
    for (const path of [
      'setwebviewdomain_directly',
      'get_webviewdomain_confirmfile',
      'get_effective_webviewdomain',
      'setwebviewdomain',
    ]) {
      const call = (token: string) => h.post(`/wxa/${path}?access_token=${token}`, { action: 'get' });
      expect(wxError((await call(noSet)).json).errcode, path).toBe(61007);
      expect(wxError((await call(w.oaToken)).json).errcode, path).toBe(48001);
      expect(wxError((await call(w.componentToken)).json).errcode, path).toBe(48001);
      expect(wxError((await call(own)).json).errcode, path).toBe(40014);
    }
  });
});

describe('--verify-http', () => {
  let site: Server;
  afterEach(() => new Promise<void>((resolve) => site.close(() => resolve())));

  it('fetches the confirm file from a real server standing in for the domain', async () => {
    const served = new Map<string, string>();
    site = createServer((request, response) => {
      const body = served.get(request.url ?? '');
      response
        .writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/plain' })
        .end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    const live = await startEmulator({
      verifyHttp: true,
      hostMap: { 'h5.example.com': `http://127.0.0.1:${port}` },
    });
    try {
      const world = await createWorld(live);
      const file = (await live.post(`/wxa/get_webviewdomain_confirmfile?access_token=${world.mpToken}`, {}))
        .json;
      const add = (entry: string) =>
        live.post(`/wxa/setwebviewdomain_directly?access_token=${world.mpToken}`, {
          action: 'add',
          webviewdomain: [entry],
        });
      // The registry does not count in this mode.
      await live.post('/_wxlocal/confirm-files', {
        url: `https://h5.example.com/${file.file_name}`,
        content: file.file_content,
      });
      expect(wxError((await add('https://h5.example.com')).json)).toEqual(CONFIRM_FAIL);
      served.set(`/${file.file_name}`, ` ${file.file_content}`);
      expect(wxError((await add('https://h5.example.com')).json)).toEqual(CONFIRM_FAIL);
      served.set(`/${file.file_name}`, file.file_content);
      expect((await add('https://h5.example.com')).json).toEqual(OK);
      // An unmapped host is fetched for real; here that fails.
      expect(wxError((await add('https://unreachable.invalid')).json)).toEqual(CONFIRM_FAIL);
    } finally {
      await live.close();
    }
  });
});
