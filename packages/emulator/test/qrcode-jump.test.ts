import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advanceClock,
  anotherMiniProgram,
  createWorld,
  type Harness,
  linkWorldAccounts,
  startEmulator,
  type World,
  wxError,
} from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
  // Keep each test's calls inside fresh emulated seconds: the family allows 5 calls a second.
  await pace();
});
afterEach(() => h.close());

/** Moves the emulated clock to the start of a later second, so the 5-a-second limit starts over. */
async function pace(): Promise<void> {
  const now = (await h.get('/_wxlocal/clock')).json.now;
  await h.post('/_wxlocal/clock', { set: now + 2 });
}

const qr = (op: string, body: unknown, token = w.mpToken) =>
  h.call('POST', `/cgi-bin/wxopen/qrcodejump${op}?access_token=${token}`, body);
const OK = { errcode: 0, errmsg: 'ok' };
const PREFIX = 'https://weixin.example.com/qrcodejump';

/** Serves the Mini Program's QR confirm file in the directory the prefix declares. */
async function serveQrFile(directoryUrl: string, token = w.mpToken): Promise<void> {
  const file = (await qr('download', {}, token)).json;
  await h.post('/_wxlocal/confirm-files', {
    url: `${directoryUrl}${file.file_name}`,
    content: file.file_content,
  });
}

const rule = (fields: Record<string, unknown> = {}) => ({
  prefix: PREFIX,
  permit_sub_rule: 1,
  path: 'pages/index/index',
  open_version: 1,
  debug_url: [`${PREFIX}?a=1`],
  is_edit: 0,
  ...fields,
});

async function addPublished(prefix: string, fields: Record<string, unknown> = {}, token = w.mpToken) {
  expect((await qr('add', rule({ prefix, debug_url: [], ...fields }), token)).json).toEqual(OK);
  expect((await qr('publish', { prefix }, token)).json).toEqual(OK);
  await pace();
}

describe('ordinary-link mode', () => {
  beforeEach(async () => {
    await serveQrFile('https://weixin.example.com/');
  });

  it('add, get, edit, publish, delete with exact JSON', async () => {
    expect((await qr('add', rule())).text).toBe('{"errcode":0,"errmsg":"ok"}');
    const got = await qr('get', {});
    expect(got.text).toBe(
      `{"errcode":0,"errmsg":"ok","rule_list":[{"prefix":"${PREFIX}","open_version":1,"state":1,"permit_sub_rule":1,"path":"pages/index/index","debug_url":["${PREFIX}?a=1"]}],"qrcodejump_open":1,"list_size":1,"qrcodejump_pub_quota":100,"total_count":1}`,
    );
    expect(
      (await qr('add', rule({ is_edit: 1, path: 'pages/b/b', open_version: '3', debug_url: [] }))).json,
    ).toEqual(OK);
    await pace();
    expect((await qr('get', {})).json.rule_list).toEqual([
      { prefix: PREFIX, open_version: 3, state: 1, permit_sub_rule: 1, path: 'pages/b/b', debug_url: [] },
    ]);
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect((await qr('publish', { prefix: PREFIX })).json).toEqual(OK);
    const published = (await qr('get', {})).json;
    expect(published.rule_list[0].state).toBe(2);
    expect(published.qrcodejump_pub_quota).toBe(99);
    expect(wxError((await qr('add', rule({ is_edit: 1 }))).json)).toEqual({
      errcode: 40097,
      base: 'invalid args',
    });
    await pace();
    expect((await qr('delete', { prefix: PREFIX })).json).toEqual(OK);
    expect((await qr('delete', { prefix: 'https://weixin.example.com/unknown' })).json).toEqual(OK);
    const after = (await qr('get', {})).json;
    expect(after).toMatchObject({ rule_list: [], list_size: 0, total_count: 0, qrcodejump_pub_quota: 99 });
  });

  it('accepts WxJava string fields and ignores a state field', async () => {
    const body = { ...rule(), permit_sub_rule: '2', open_version: '3', is_edit: '0', state: 2 };
    expect((await qr('add', body)).json).toEqual(OK);
    expect((await qr('get', {})).json.rule_list[0]).toMatchObject({
      permit_sub_rule: 2,
      open_version: 3,
      state: 1,
    });
  });

  it('40097 for is_edit, permit_sub_rule, open_version, path or more than 5 debug_url', async () => {
    const bad = [
      { is_edit: 2 },
      { permit_sub_rule: 0 },
      { open_version: 4 },
      { path: '' },
      { debug_url: Array.from({ length: 6 }, (_, i) => `${PREFIX}?i=${i}`) },
    ];
    for (const fields of bad) {
      expect(wxError((await qr('add', rule(fields))).json), JSON.stringify(fields)).toEqual({
        errcode: 40097,
        base: 'invalid args',
      });
      await pace();
    }
    const five = Array.from({ length: 5 }, (_, i) => `${PREFIX}?i=${i}`);
    expect((await qr('add', rule({ debug_url: five }))).json).toEqual(OK);
  });

  it('85066 for a prefix that is not an http(s) URL with a valid host', async () => {
    for (const prefix of [
      '',
      'ftp://weixin.example.com/x',
      'hlht://weixin.example.com/x',
      'https://',
      'weixin.example.com/x',
      'https://weixin.example.com/a b',
      'https://weixin.example.com/?q=中文',
      'https://127.0.0.1/x',
      'https://weixin.example.com:8080/x',
    ]) {
      expect(wxError((await qr('add', rule({ prefix, debug_url: [] }))).json), prefix).toEqual({
        errcode: 85066,
        base: 'illegal prefix',
      });
      await pace();
    }
  });

  it('85070 blacklisted, 85076 no ICP filing (empty base), 85068 debug_url outside the prefix', async () => {
    await h.post('/_wxlocal/qrcode/blacklist', { entry: 'weixin.example.com' });
    expect(wxError((await qr('add', rule())).json)).toEqual({ errcode: 85070, base: 'prefix in black list' });
    await h.call('DELETE', '/_wxlocal/qrcode/blacklist?entry=weixin.example.com');
    await h.call('PATCH', '/_wxlocal/hosts/weixin.example.com', { icp_filed: false });
    const noIcp = (await qr('add', rule())).json;
    expect(noIcp.errcode).toBe(85076);
    expect(noIcp.errmsg).toMatch(/^ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    await h.call('PATCH', '/_wxlocal/hosts/weixin.example.com', { icp_filed: true });
    expect(wxError((await qr('add', rule({ debug_url: ['https://other.example.com/x'] }))).json)).toEqual({
      errcode: 85068,
      base: 'test url is not the sub prefix',
    });
    await pace();
    expect((await qr('get', {})).json.rule_list).toEqual([]);
  });

  it('85071 for a repeated add; 40097 for editing an unknown rule', async () => {
    await qr('add', rule());
    expect(wxError((await qr('add', rule())).json)).toEqual({
      errcode: 85071,
      base: 'prefix added repeated',
    });
    expect(
      wxError((await qr('add', rule({ prefix: `${PREFIX}2`, is_edit: 1, debug_url: [] }))).json).errcode,
    ).toBe(40097);
  });

  it('85069 unless the confirm file is in the last directory the prefix declares', async () => {
    const deep = 'https://deep.example.com/a/b/c';
    expect(wxError((await qr('add', rule({ prefix: deep, debug_url: [] }))).json)).toEqual({
      errcode: 85069,
      base: 'check confirm file fail',
    });
    await serveQrFile('https://deep.example.com/');
    expect(wxError((await qr('add', rule({ prefix: deep, debug_url: [] }))).json).errcode).toBe(85069);
    await serveQrFile('https://deep.example.com/a/b/');
    expect((await qr('add', rule({ prefix: deep, debug_url: [] }))).json).toEqual(OK);
    // The business-domain confirm file is a different one.
    const other = await h.post(`/wxa/get_webviewdomain_confirmfile?access_token=${w.mpToken}`, {});
    const qrFile = (await qr('download', {})).json;
    expect(other.json.file_name).not.toBe(qrFile.file_name);
    expect(qrFile).toEqual({
      errcode: 0,
      errmsg: 'ok',
      file_name: expect.stringMatching(/^[A-Za-z0-9]{10}\.txt$/),
      file_content: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('85072 when another account holds the prefix or an exclusive parent or child of it', async () => {
    const { token: otherToken } = await anotherMiniProgram(h, w);
    await serveQrFile('https://weixin.example.com/', otherToken);
    await serveQrFile('https://weixin.example.com/shop/', otherToken);
    await serveQrFile('https://weixin.example.com/shop/');
    await pace();
    expect(
      (
        await qr(
          'add',
          rule({ prefix: 'https://weixin.example.com/shop/', permit_sub_rule: 2, debug_url: [] }),
        )
      ).json,
    ).toEqual(OK);
    const owned = { errcode: 85072, base: 'prefix owned by other' };
    const otherAdd = (prefix: string, permit_sub_rule = 1) =>
      qr('add', rule({ prefix, permit_sub_rule, debug_url: [] }), otherToken);
    expect(wxError((await otherAdd('https://weixin.example.com/shop/')).json)).toEqual(owned);
    expect(wxError((await otherAdd('https://weixin.example.com/shop/item')).json)).toEqual(owned);
    expect(wxError((await otherAdd('https://weixin.example.com/', 2)).json)).toEqual(owned);
    await pace();
    expect((await otherAdd('https://weixin.example.com/')).json).toEqual(OK);
    expect((await otherAdd('https://weixin.example.com/blog')).json).toEqual(OK);
  });

  it('100 rules per Mini Program: the 101st answers 85073', async () => {
    for (let i = 0; i < 100; i++) {
      if (i % 5 === 0) await pace();
      expect(
        (await qr('add', rule({ prefix: `${PREFIX}${i}`, debug_url: [] }))).json.errcode,
        `rule ${i}`,
      ).toBe(0);
    }
    await pace();
    expect(wxError((await qr('add', rule({ prefix: `${PREFIX}100`, debug_url: [] }))).json)).toEqual({
      errcode: 85073,
      base: 'prefix beyond limit',
    });
    await pace();
    expect((await qr('get', {})).json.list_size).toBe(100);
  }, 30_000);

  it('more than 5 calls in one second answer 44990', async () => {
    await pace();
    for (let i = 0; i < 5; i++) expect((await qr('get', {})).json.errcode).toBe(0);
    expect(wxError((await qr('get', {})).json)).toEqual({
      errcode: 44990,
      base: 'reach max api second frequence limit',
    });
    expect(wxError((await qr('add', rule())).json).errcode).toBe(44990);
    await pace();
    expect((await qr('get', {})).json.rule_list).toEqual([]);
    expect((await qr('add', rule())).json).toEqual(OK);
  });

  it('85075 for a personal Mini Program on every call', async () => {
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { personal: true });
    for (const [op, body] of [
      ['add', rule()],
      ['get', {}],
      ['delete', { prefix: PREFIX }],
      ['publish', { prefix: PREFIX }],
      ['download', {}],
    ] as const) {
      expect(wxError((await qr(op, body)).json), op).toEqual({ errcode: 85075, base: 'can not access' });
    }
  });
});

describe('publishing', () => {
  beforeEach(async () => {
    await serveQrFile('https://weixin.example.com/');
  });

  it('85074 before the code is released; 40097 for an unknown prefix; re-publishing uses no quota', async () => {
    await qr('add', rule());
    expect(wxError((await qr('publish', { prefix: PREFIX })).json)).toEqual({
      errcode: 85074,
      base: 'not published',
    });
    expect(wxError((await qr('publish', { prefix: `${PREFIX}/none` })).json)).toEqual({
      errcode: 40097,
      base: 'invalid args',
    });
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect((await qr('publish', { prefix: PREFIX })).json).toEqual(OK);
    expect((await qr('publish', { prefix: PREFIX })).json).toEqual(OK);
    expect((await qr('get', {})).json.qrcodejump_pub_quota).toBe(99);
  });

  it('100 publishes a China-time month; the 101st answers 886000 (empty base) until the 1st, 00:00 +08:00', async () => {
    // 2027-01-31 15:00 UTC = 23:00 +08:00.
    await h.post('/_wxlocal/clock', { set: Date.UTC(2027, 0, 31, 15) / 1000 });
    const token = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: w.miniProgram.appid,
        func_info: [18],
      })
    ).json.authorizer_access_token;
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    for (let i = 0; i < 101; i++) {
      await pace();
      const prefix = `${PREFIX}${i}`;
      expect((await qr('add', rule({ prefix, debug_url: [] }), token)).json.errcode).toBe(0);
      if (i === 100) break;
      expect((await qr('publish', { prefix }, token)).json.errcode, `publish ${i}`).toBe(0);
      // Deleting does not give a publish back.
      if (i % 2 === 0) await qr('delete', { prefix }, token);
    }
    const refused = (await qr('publish', { prefix: `${PREFIX}100` }, token)).json;
    expect(refused.errcode).toBe(886000);
    expect(refused.errmsg).toMatch(/^ rid: /);
    expect((await qr('get', {}, token)).json.qrcodejump_pub_quota).toBe(0);
    const now = (await h.get('/_wxlocal/clock')).json.now;
    await h.post('/_wxlocal/clock', { set: Date.UTC(2027, 0, 31, 16) / 1000 });
    expect(now).toBeLessThan(Date.UTC(2027, 0, 31, 16) / 1000);
    expect((await qr('publish', { prefix: `${PREFIX}100` }, token)).json).toEqual(OK);
    expect((await qr('get', {}, token)).json.qrcodejump_pub_quota).toBe(99);
  }, 60_000);
});

describe('scan resolution', () => {
  const resolve = async (url: string, viewer = 'user') =>
    (await h.get(`/_wxlocal/qrcode/resolve?url=${encodeURIComponent(url)}&viewer=${viewer}`)).json;

  beforeEach(async () => {
    await serveQrFile('https://www.example.com/');
    await serveQrFile('https://www.example.com/a/');
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
  });

  it('matches by scheme, host, path and query as WeChat does', async () => {
    await addPublished('https://www.example.com/a/', { path: 'pages/a/a' });
    await addPublished('https://www.example.com/a/b?id=123', { path: 'pages/b/b' });
    const opens = (url: string) => resolve(url).then((scan) => (scan.opens ? scan.path : null));
    expect(await opens('https://www.example.com/a/')).toBe('pages/a/a');
    expect(await opens('https://www.example.com/a/x/y?z=1')).toBe('pages/a/a');
    expect(await opens('https://www.example.com/a/b?id=1234')).toBe('pages/b/b');
    expect(await opens('https://www.example.com/a/b?id=132')).toBe('pages/a/a');
    expect(await opens('http://www.example.com/a/')).toBeNull();
    expect(await opens('https://m.example.com/a/')).toBeNull();
    expect(await opens('https://www.example.com/ab')).toBeNull();
    expect(await resolve('https://www.example.com/a/1')).toEqual({
      opens: true,
      appid: w.miniProgram.appid,
      path: 'pages/a/a',
      version: 'release',
      rule: 'https://www.example.com/a/',
      via: 'rule',
    });
  });

  it('each viewer before and after publishing', async () => {
    const prefix = 'https://www.example.com/a/';
    const debugUrl = 'https://www.example.com/a/debug';
    expect((await qr('add', rule({ prefix, open_version: 3, debug_url: [debugUrl] }))).json).toEqual(OK);
    const viewers = ['developer', 'admin', 'tester', 'user'];
    const scan = (url: string) =>
      Promise.all(
        viewers.map(async (viewer) => ((await resolve(url, viewer)) as { version?: string }).version ?? null),
      );
    // Unpublished: only the debug URL opens, for the roles open_version 3 names; the plain URL opens nothing.
    expect(await scan(debugUrl)).toEqual(['release', 'release', 'release', null]);
    expect(await scan('https://www.example.com/a/page')).toEqual([null, null, null, null]);
    await pace();
    expect((await qr('publish', { prefix })).json).toEqual(OK);
    // Published: every viewer opens the released Mini Program.
    expect(await scan('https://www.example.com/a/page')).toEqual([
      'release',
      'release',
      'release',
      'release',
    ]);
    expect(await scan(debugUrl)).toEqual(['release', 'release', 'release', 'release']);
  });

  it('a rule without a trailing slash covers its own path only', async () => {
    await addPublished('https://www.example.com/a/b');
    expect((await resolve('https://www.example.com/a/b')).opens).toBe(true);
    expect((await resolve('https://www.example.com/a/b?x=1')).opens).toBe(true);
    expect((await resolve('https://www.example.com/a/bc')).opens).toBe(false);
    expect((await resolve('https://www.example.com/a/b/123')).opens).toBe(false);
  });

  it('an unpublished longer rule blocks a published shorter one; debug URLs open for the right roles', async () => {
    await addPublished('https://www.example.com/a/');
    const debugUrl = 'https://www.example.com/a/b?debug=1';
    expect(
      (
        await qr(
          'add',
          rule({ prefix: 'https://www.example.com/a/b', open_version: 2, debug_url: [debugUrl] }),
        )
      ).json,
    ).toEqual(OK);
    expect(await resolve('https://www.example.com/a/b')).toEqual({
      opens: false,
      reason: 'the matching rule is not published',
      rule: 'https://www.example.com/a/b',
    });
    expect(await resolve(debugUrl, 'tester')).toMatchObject({
      opens: true,
      version: 'trial',
      via: 'debug_url',
    });
    expect(await resolve(debugUrl, 'admin')).toMatchObject({ opens: true, version: 'trial' });
    expect((await resolve(debugUrl, 'user')).opens).toBe(false);
    expect((await resolve(debugUrl, 'developer')).opens).toBe(false);
    expect(await resolve('https://nowhere.example.com/')).toEqual({
      opens: false,
      reason: 'no rule matches this URL',
    });
    expect((await h.get('/_wxlocal/qrcode/resolve?url=x&viewer=boss')).status).toBe(400);
  });
});

describe('service-account mode', () => {
  const QR = 'http://weixin.qq.com/q/02P5KzM_abcdef';
  const oaRule = (fields: Record<string, unknown> = {}) => ({
    prefix: QR,
    appid: w.miniProgram.appid,
    path: 'pages/index/index',
    is_edit: 0,
    ...fields,
  });
  const link = () => linkWorldAccounts(h, w);

  it('maps a parametric QR code to a linked Mini Program, then publishes it', async () => {
    await link();
    expect((await qr('add', oaRule(), w.oaToken)).json).toEqual(OK);
    const got = await qr('get', { appid: w.miniProgram.appid, get_type: 0 }, w.oaToken);
    expect(got.text).toBe(
      `{"errcode":0,"errmsg":"ok","rule_list":[{"prefix":"${QR}","path":"pages/index/index","state":1}],"qrcodejump_open":1,"list_size":1,"qrcodejump_pub_quota":100,"total_count":1}`,
    );
    expect(wxError((await qr('publish', { prefix: QR }, w.oaToken)).json).errcode).toBe(85074);
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect((await qr('publish', { prefix: QR }, w.oaToken)).json).toEqual(OK);
    expect((await h.get(`/_wxlocal/qrcode/resolve?url=${encodeURIComponent(`${QR}`)}`)).json).toMatchObject({
      opens: true,
      appid: w.miniProgram.appid,
    });
    await pace();
    // Delete with another appid is a no-op; with the rule's appid it removes the rule.
    await qr('delete', { prefix: QR, appid: 'wx0000000000000000' }, w.oaToken);
    expect((await qr('get', { appid: w.miniProgram.appid }, w.oaToken)).json.list_size).toBe(1);
    await qr('delete', { prefix: QR, appid: w.miniProgram.appid }, w.oaToken);
    expect((await qr('get', { appid: w.miniProgram.appid }, w.oaToken)).json.list_size).toBe(0);
  });

  it('85066 off the weixin.qq.com/q/ prefix, 40166 not a Mini Program, 40097 not linked, 85075 personal', async () => {
    expect(
      wxError((await qr('add', oaRule({ prefix: 'http://weixin.qq.com/r/abc' }), w.oaToken)).json).errcode,
    ).toBe(85066);
    expect(wxError((await qr('add', oaRule({ appid: w.officialAccount.appid }), w.oaToken)).json)).toEqual({
      errcode: 40166,
      base: 'invalid weapp appid',
    });
    expect(wxError((await qr('add', oaRule({ appid: '' }), w.oaToken)).json).errcode).toBe(40166);
    expect(wxError((await qr('add', oaRule(), w.oaToken)).json).errcode).toBe(40097);
    await pace();
    await link();
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { personal: true });
    expect(wxError((await qr('add', oaRule(), w.oaToken)).json).errcode).toBe(85075);
  });

  it('get_type 1 by prefix list and 2 by page; 40097 out of range', async () => {
    await link();
    for (let i = 0; i < 5; i++) await qr('add', oaRule({ prefix: `${QR}${i}` }), w.oaToken);
    await pace();
    const get = (body: object) => qr('get', { appid: w.miniProgram.appid, ...body }, w.oaToken);
    const item = (i: number) => `{"prefix":"${QR}${i}","path":"pages/index/index","state":1}`;
    const answer = (items: number[], total: number) =>
      `{"errcode":0,"errmsg":"ok","rule_list":[${items.map(item).join(',')}],"qrcodejump_open":1,"list_size":${items.length},"qrcodejump_pub_quota":100,"total_count":${total}}`;
    const named = await get({
      get_type: 1,
      prefix_list: [`${QR}3`, 'http://weixin.qq.com/q/none', `${QR}1`],
    });
    expect(named.text).toBe(answer([3, 1], 5));
    expect((await get({ get_type: 2, page_num: 2, page_size: 2 })).text).toBe(answer([2, 3], 5));
    expect((await get({ get_type: 0 })).text).toBe(answer([0, 1, 2, 3, 4], 5));
    await pace();
    for (const body of [
      { get_type: 3 },
      { get_type: 2, page_num: 0, page_size: 2 },
      { get_type: 2, page_num: 1, page_size: 201 },
      { get_type: 1, prefix_list: Array(201).fill(QR) },
    ]) {
      expect(wxError((await get(body)).json).errcode, JSON.stringify(body).slice(0, 60)).toBe(40097);
    }
  });

  it('needs set 3 (61007) and a verified service account (48001); download is for Mini Programs', async () => {
    const sub = (
      await h.post('/_wxlocal/accounts', { type: 'official_account', service_type: 'subscription' })
    ).json;
    const subToken = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: sub.appid,
        func_info: [3],
      })
    ).json.authorizer_access_token;
    expect(wxError((await qr('get', { appid: w.miniProgram.appid }, subToken)).json).errcode).toBe(48001);
    const oa = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
    const noSet = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: oa.appid,
        func_info: [33],
      })
    ).json.authorizer_access_token;
    expect(wxError((await qr('get', { appid: w.miniProgram.appid }, noSet)).json).errcode).toBe(61007);
    expect(wxError((await qr('download', {}, w.oaToken)).json).errcode).toBe(48001);
    expect(wxError((await qr('get', {}, w.componentToken)).json).errcode).toBe(48001);
  });
});

describe('tokens', () => {
  it("the Mini Program's own token works without a permission set", async () => {
    const own = (
      await h.get(
        `/cgi-bin/token?grant_type=client_credential&appid=${w.miniProgram.appid}&secret=${w.miniProgram.secret}`,
      )
    ).json.access_token;
    expect((await qr('get', {}, own)).json.errcode).toBe(0);
    const noSet = await createWorld(h, [17]);
    await pace();
    expect(wxError((await qr('get', {}, noSet.mpToken)).json)).toEqual({
      errcode: 61007,
      base: 'api is unauthorized to component',
    });
  });

  it('qrcodejumpget and download need a body: 44002 when empty', async () => {
    expect(wxError((await qr('get', '')).json)).toEqual({ errcode: 44002, base: 'empty post data' });
    expect(wxError((await qr('download', '')).json).errcode).toBe(44002);
    await advanceClock(h, 1);
  });
});
