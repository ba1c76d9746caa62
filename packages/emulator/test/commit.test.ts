import { decode } from 'jpeg-js';
import jsQRModule from 'jsqr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  advanceClock,
  createWorld,
  type Harness,
  type HttpResult,
  startEmulator,
  type World,
  wxError,
} from './helpers.js';

/** jsqr is CommonJS: under Node's ESM its function is the module's `default`. */
const jsQR = jsQRModule.default;

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const OK = '{"errcode":0,"errmsg":"ok"}';
const NO_TRIAL = { errcode: 86001, base: 'component experience version not exists' };
const NOT_EXIST = { errcode: 85014, base: 'template not exist' };
const PARSE_FAILED = { errcode: 85048, base: 'parse ext.json failed' };
const INVALID_EXT = { errcode: 85013, base: 'invalid ext_json, parse fail or containing invalid path' };
const STANDARD_EXT = { errcode: 9402203, base: '标准模板extjson错误' };
const PAGES_EMPTY = { errcode: 85047, base: 'pages are empty' };
const PATH_NOT_EXIST = { errcode: 85045, base: 'some path in ext_json not exist' };
const TABBAR = { errcode: 85046, base: 'pagepath missing in tabbar list' };
const TOO_BIG = { errcode: 85044, base: 'package exceed max limit' };
const INVALID_ARGS = { errcode: 40097, base: 'invalid args' };
const SCANNING = { errcode: 61039, base: '隐私接口检查任务未完成，请稍等一分钟再重试' };
const UNAUTHORIZED_SET = { errcode: 61007, base: 'api is unauthorized to component' };
const wrongName = (name: string) => ({ errcode: 85310, base: `${name} is wrong API name` });
const exclusive = (name: string) => ({ errcode: 85311, base: `${name} is mutually exclusive` });
const notAuthorized = (name: string) => ({ errcode: 85312, base: `${name} is not authorized` });

/** The code every template here is made of, unless a test says otherwise. */
const CODE = {
  user_version: '1.0.0',
  pages: ['pages/index', 'pages/list', 'pages/detail'],
  subpackages: [
    { root: 'pkg', pages: ['a', 'b'] },
    { root: 'shop/', pages: ['cart'] },
  ],
  tabbar_pages: ['pages/index', 'pages/list'],
  privacy_apis: ['wx.getLocation', 'wx.onLocationChange', 'wx.chooseAddress'],
};

/** Uploads a draft and adds it to the library; returns the new template's id. */
async function addTemplate(code: Record<string, unknown> = {}, templateType = 0): Promise<number> {
  const draft = await h.post(`/_wxlocal/platforms/${w.platform.appid}/drafts`, { ...CODE, ...code });
  expect(draft.status).toBe(201);
  const added = await h.post(`/wxa/addtotemplate?access_token=${w.componentToken}`, {
    draft_id: draft.json.draft_id,
    template_type: templateType,
  });
  expect(added.text).toBe(OK);
  const list = await h.get(`/wxa/gettemplatelist?access_token=${w.componentToken}`);
  return list.json.template_list.at(-1).template_id;
}

const commit = (body: unknown, token = w.mpToken) =>
  h.call('POST', `/wxa/commit?access_token=${token}`, body);
/** A commit of `template` with `ext` (an object, sent as JSON text) and a valid version. */
const commitExt = (template: unknown, ext: unknown, more: Record<string, unknown> = {}) =>
  commit({
    template_id: template,
    ext_json: JSON.stringify(ext),
    user_version: 'v1',
    user_desc: 'desc',
    ...more,
  });
const getPage = (token = w.mpToken) => h.get(`/wxa/get_page?access_token=${token}`);
const privacyInfo = (token = w.mpToken) => h.get(`/wxa/security/get_code_privacy_info?access_token=${token}`);
const category = (token = w.mpToken) => h.get(`/wxa/get_category?access_token=${token}`);
const qrcode = (query = '', token = w.mpToken) => h.get(`/wxa/get_qrcode?access_token=${token}${query}`);
const patch = (path: string, body: unknown) => h.call('PATCH', `/_wxlocal/${path}`, body);
const pageList = async () => (await getPage()).json.page_list;
const trialRows = async () =>
  (await h.get('/_wxlocal/state')).json.tables.trial_versions as Record<string, unknown>[];

/** get_qrcode's raw bytes (fetch's text would mangle them). */
async function qrcodeBytes(query = ''): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await fetch(`${h.baseUrl}/wxa/get_qrcode?access_token=${w.mpToken}${query}`);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function scanBytes(bytes: Uint8Array): { text: string | undefined; width: number; height: number } {
  const image = decode(bytes, { useTArray: true, formatAsRGBA: true });
  const text = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
  return { text, width: image.width, height: image.height };
}

describe('commit', () => {
  it('creates the trial version from the template and ext_json, with exact JSON', async () => {
    const id = await addTemplate();
    const ext = {
      extAppid: w.miniProgram.appid,
      ext: { shop: 42 },
      pages: ['pages/index', 'pages/list'],
      subPackages: [{ root: 'pkg/', pages: ['b'] }],
      extPages: { 'pages/list': { navigationBarTitleText: 'List' }, 'pkg/b': {} },
      window: { navigationBarTitleText: 'Shop' },
      tabBar: { color: '#000', list: [{ pagePath: 'pages/list', text: 'List' }] },
      requiredPrivateInfos: ['getLocation'],
    };
    const sent = await commit({
      template_id: String(id),
      ext_json: JSON.stringify(ext),
      user_version: 'V1.0',
      user_desc: 'first',
    });
    expect(sent.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    expect(sent.text).toBe(OK);
    expect((await getPage()).text).toBe(
      '{"errcode":0,"errmsg":"ok","page_list":["pages/index","pages/list","pkg/b"]}',
    );
    const [row] = await trialRows();
    expect(row).toMatchObject({
      appid: w.miniProgram.appid,
      component_appid: w.platform.appid,
      template_id: id,
      template_type: 0,
      ext_json: JSON.stringify(ext),
      pages: '["pages/index","pages/list"]',
      subpackages: '[{"root":"pkg/","pages":["b"]}]',
      tabbar_pages: '["pages/list"]',
      declared_privacy_apis: '["getLocation"]',
      template_privacy_apis: '["wx.getLocation","wx.onLocationChange","wx.chooseAddress"]',
      user_version: 'V1.0',
      user_desc: 'first',
      app_version: 1,
    });
  });

  it("keeps the template's pages, sub-packages and tab bar that ext_json leaves out", async () => {
    const id = await addTemplate();
    expect((await commitExt(id, {})).text).toBe(OK);
    expect(await pageList()).toEqual([
      'pages/index',
      'pages/list',
      'pages/detail',
      'pkg/a',
      'pkg/b',
      'shop/cart',
    ]);
    // `subpackages` is read too; a tab bar without `list` keeps the template's.
    expect(
      (await commitExt(id, { subpackages: [{ root: 'shop', pages: ['cart'] }], tabBar: { color: '#fff' } }))
        .text,
    ).toBe(OK);
    expect(await pageList()).toEqual(['pages/index', 'pages/list', 'pages/detail', 'shop/cart']);
    expect((await trialRows())[0]).toMatchObject({
      tabbar_pages: '["pages/index","pages/list"]',
      app_version: 2,
    });
  });

  it('replaces the trial version on every commit; a failed commit leaves it', async () => {
    const first = await addTemplate();
    const second = await addTemplate({ pages: ['home'], subpackages: [], tabbar_pages: [] });
    expect(wxError((await getPage()).json)).toEqual(NO_TRIAL);
    expect((await commitExt(first, { pages: ['pages/detail'], tabBar: { list: [] } })).text).toBe(OK);
    expect(await pageList()).toEqual(['pages/detail', 'pkg/a', 'pkg/b', 'shop/cart']);
    expect((await commitExt(second, {}, { user_version: 'v2' })).text).toBe(OK);
    expect(await pageList()).toEqual(['home']);
    expect(wxError((await commitExt(first, { pages: ['nowhere'] })).json)).toEqual(PATH_NOT_EXIST);
    expect(await pageList()).toEqual(['home']);
    expect((await commitExt(first, { subPackages: [] })).text).toBe(OK);
    expect(await pageList()).toEqual(['pages/index', 'pages/list', 'pages/detail']);
    const rows = await trialRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template_id: first, app_version: 3, user_version: 'v1' });
  });

  it('accepts a standard template with extAppid, ext and window only', async () => {
    const id = await addTemplate({}, 1);
    expect((await commitExt(id, { extAppid: '', ext: {}, window: {} })).text).toBe(OK);
    expect((await commitExt(id, { extAppid: w.miniProgram.appid, ext: { a: 1 } })).text).toBe(OK);
    expect((await trialRows())[0]).toMatchObject({ template_type: 1, app_version: 2 });
  });

  it('checks the body before its rules', async () => {
    expect(wxError((await commit('')).json)).toEqual({ errcode: 44002, base: 'empty post data' });
    expect(wxError((await commit('{template_id')).json)).toEqual({
      errcode: 47001,
      base: 'data format error',
    });
  });

  describe('refusals, in check order', () => {
    let ordinary: number;
    let standard: number;
    let big: number;
    beforeEach(async () => {
      ordinary = await addTemplate();
      standard = await addTemplate({}, 1);
      big = await addTemplate({ size_kb: 20481 });
    });
    const refuses = async (result: Promise<HttpResult>, expected: { errcode: number; base: string }) => {
      expect(wxError((await result).json)).toEqual(expected);
    };

    it('85014: template_id missing, non-numeric, unknown, deleted or another platform’s', async () => {
      // Each also has a broken ext_json, which comes later.
      const broken = { ext_json: '{', user_version: '' };
      await refuses(commit(broken), NOT_EXIST);
      for (const template_id of ['"1"', 'abc', '1.5', 1.5, 99, '99', null, true, [1], { id: 1 }]) {
        await refuses(commit({ template_id, ...broken }), NOT_EXIST);
      }
      await h.post(`/wxa/deletetemplate?access_token=${w.componentToken}`, { template_id: ordinary });
      await refuses(commitExt(ordinary, {}), NOT_EXIST);
      // Template 4 exists on a second platform only.
      const other = await otherPlatform();
      for (let i = 0; i < 4; i++) {
        const draft = await h.post(`/_wxlocal/platforms/${other.appid}/drafts`, CODE);
        await h.post(`/wxa/addtotemplate?access_token=${other.token}`, { draft_id: draft.json.draft_id });
      }
      await refuses(commitExt(4, {}), NOT_EXIST);
      expect(await trialRows()).toEqual([]);
    });

    it('85048: ext_json missing, not a string or not JSON', async () => {
      const body = { template_id: ordinary, user_version: '', user_desc: '' };
      await refuses(commit(body), PARSE_FAILED);
      for (const ext_json of [null, {}, { pages: [] }, 5, true, ['{}'], '', '{', "{'a':1}", '{"a":1}x']) {
        await refuses(commit({ ...body, ext_json }), PARSE_FAILED);
      }
    });

    it('85013: not an object, a known key of the wrong type, or a foreign extAppid', async () => {
      for (const text of ['null', '[]', '"{}"', '5', 'true']) {
        await refuses(commit({ template_id: ordinary, ext_json: text, user_version: 'v1' }), INVALID_EXT);
      }
      for (const ext of [
        { pages: 'pages/index' },
        { pages: ['pages/index', 1] },
        { pages: null },
        { subPackages: {} },
        { subPackages: [{ root: 'pkg' }] },
        { subPackages: [{ root: 1, pages: [] }] },
        { subpackages: 'pkg' },
        { extPages: [] },
        { extPages: 'x' },
        { tabBar: [] },
        { tabBar: { list: {} } },
        { extAppid: 5 },
        { extAppid: null },
        { extAppid: 'wx0000000000000000' },
        { extAppid: w.platform.appid },
      ]) {
        await refuses(commitExt(ordinary, ext), INVALID_EXT);
      }
      // Before the standard template's key rule.
      await refuses(commitExt(standard, { extAppid: 'wx0000000000000000', pages: [] }), INVALID_EXT);
    });

    it('9402203: a standard template with another key', async () => {
      for (const key of ['pages', 'tabBar', 'extPages', 'requiredPrivateInfos', 'sitemap']) {
        await refuses(commitExt(standard, { extAppid: '', [key]: key === 'pages' ? [] : {} }), STANDARD_EXT);
      }
      // Before the empty pages it also has.
      await refuses(commitExt(standard, { pages: [] }), STANDARD_EXT);
    });

    it('85047: pages present and empty', async () => {
      await refuses(commitExt(ordinary, { pages: [], extPages: { nowhere: {} } }), PAGES_EMPTY);
    });

    it('85045: a page, sub-package or extPages key the result lacks', async () => {
      await refuses(
        commitExt(ordinary, { pages: ['pages/index', 'pages/new'], tabBar: { list: [{}] } }),
        PATH_NOT_EXIST,
      );
      await refuses(commitExt(ordinary, { pages: ['/pages/index'] }), PATH_NOT_EXIST);
      await refuses(commitExt(ordinary, { subPackages: [{ root: 'other', pages: [] }] }), PATH_NOT_EXIST);
      await refuses(
        commitExt(ordinary, { subPackages: [{ root: 'pkg', pages: ['a', 'c'] }] }),
        PATH_NOT_EXIST,
      );
      await refuses(commitExt(ordinary, { extPages: { 'pages/none': {} } }), PATH_NOT_EXIST);
      // A page left out of the result, and a sub-package page named without its root.
      await refuses(
        commitExt(ordinary, { pages: ['pages/index', 'pages/list'], extPages: { 'pages/detail': {} } }),
        PATH_NOT_EXIST,
      );
      await refuses(commitExt(ordinary, { extPages: { a: {} } }), PATH_NOT_EXIST);
      await refuses(commitExt(ordinary, { subPackages: [], extPages: { 'pkg/a': {} } }), PATH_NOT_EXIST);
      expect(
        (await commitExt(ordinary, { extPages: { 'pkg/a': {}, 'shop/cart': {}, 'pages/detail': {} } })).text,
      ).toBe(OK);
    });

    it('85046: a tab-bar item without a resulting main page', async () => {
      const bad = { requiredPrivateInfos: ['bad'] };
      await refuses(commitExt(ordinary, { tabBar: { list: [{ text: 'Home' }] }, ...bad }), TABBAR);
      await refuses(commitExt(ordinary, { tabBar: { list: [{ pagePath: 5 }] } }), TABBAR);
      await refuses(commitExt(ordinary, { tabBar: { list: ['pages/index'] } }), TABBAR);
      await refuses(commitExt(ordinary, { tabBar: { list: [{ pagePath: 'pkg/a' }] } }), TABBAR);
      // The template's tab bar, once its page is left out.
      await refuses(commitExt(ordinary, { pages: ['pages/index', 'pages/detail'] }), TABBAR);
      expect(
        (
          await commitExt(ordinary, {
            pages: ['pages/detail'],
            tabBar: { list: [{ pagePath: 'pages/detail' }] },
          })
        ).text,
      ).toBe(OK);
    });

    it('85310: requiredPrivateInfos not a list of the eight names', async () => {
      await refuses(
        commitExt(big, { requiredPrivateInfos: ['wx.getLocation'] }),
        wrongName('wx.getLocation'),
      );
      await refuses(
        commitExt(ordinary, {
          requiredPrivateInfos: ['getLocation', 'getFoo', 'getFuzzyLocation', 'getBar'],
        }),
        wrongName('getFoo'),
      );
      await refuses(commitExt(ordinary, { requiredPrivateInfos: 'getLocation' }), wrongName('"getLocation"'));
      await refuses(commitExt(ordinary, { requiredPrivateInfos: ['chooseAddress', 7] }), wrongName('7'));
      await refuses(commitExt(ordinary, { requiredPrivateInfos: null }), wrongName('null'));
    });

    it('85311: getFuzzyLocation with a precise location API', async () => {
      await patch(`accounts/${w.miniProgram.appid}`, { permitted_privacy_apis: [] });
      await refuses(
        commitExt(big, {
          requiredPrivateInfos: ['chooseAddress', 'startLocationUpdate', 'getFuzzyLocation'],
        }),
        exclusive('startLocationUpdate'),
      );
      for (const precise of [
        'getLocation',
        'onLocationChange',
        'startLocationUpdate',
        'startLocationUpdateBackground',
      ]) {
        await refuses(
          commitExt(ordinary, { requiredPrivateInfos: ['getFuzzyLocation', precise] }),
          exclusive('getFuzzyLocation'),
        );
      }
    });

    it('85312: a declared API the account may not use', async () => {
      await patch(`accounts/${w.miniProgram.appid}`, {
        permitted_privacy_apis: ['wx.getLocation', 'choosePoi'],
      });
      await refuses(
        commitExt(
          big,
          { requiredPrivateInfos: ['getLocation', 'chooseAddress', 'chooseLocation'] },
          { user_version: '' },
        ),
        notAuthorized('chooseAddress'),
      );
      expect((await commitExt(ordinary, { requiredPrivateInfos: ['choosePoi', 'getLocation'] })).text).toBe(
        OK,
      );
    });

    it('85044: a package over 20480 KB', async () => {
      await refuses(commitExt(big, {}, { user_version: '' }), TOO_BIG);
      const limit = await addTemplate({ size_kb: 20480 });
      expect((await commitExt(limit, {})).text).toBe(OK);
    });

    it('40097: user_version missing, empty or over 64 characters', async () => {
      await refuses(commit({ template_id: ordinary, ext_json: '{}', user_desc: 'd' }), INVALID_ARGS);
      await refuses(commitExt(ordinary, {}, { user_version: '' }), INVALID_ARGS);
      await refuses(commitExt(ordinary, {}, { user_version: '版'.repeat(65) }), INVALID_ARGS);
      // 64 characters of three bytes each.
      expect((await commitExt(ordinary, {}, { user_version: '版'.repeat(64) })).text).toBe(OK);
      expect(await trialRows()).toMatchObject([{ user_version: '版'.repeat(64) }]);
    });
  });
});

describe('tokens and permission sets', () => {
  it("86000 for the Mini Program's own token, 40014 on get_qrcode", async () => {
    const { appid, secret } = w.miniProgram;
    const own = (await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`))
      .json.access_token as string;
    const id = await addTemplate();
    const FROM_THIRD_PARTY = { errcode: 86000, base: 'should be called only from third party' };
    const body = { template_id: id, ext_json: '{}', user_version: 'v1', user_desc: '' };
    expect(wxError((await commit(body, own)).json)).toEqual(FROM_THIRD_PARTY);
    expect(wxError((await getPage(own)).json)).toEqual(FROM_THIRD_PARTY);
    expect(wxError((await category(own)).json)).toEqual(FROM_THIRD_PARTY);
    expect(wxError((await privacyInfo(own)).json)).toEqual(FROM_THIRD_PARTY);
    const qr = await qrcode('', own);
    expect(qr.headers.get('content-type')).toBe('text/plain');
    expect(wxError(qr.json)).toEqual({ errcode: 40014, base: 'invalid access_token' });
    expect(await trialRows()).toEqual([]);
  });

  it('61007 without set 18; get_qrcode also takes set 86', async () => {
    h = await restart();
    w = await createWorld(h, [1]);
    const id = await addTemplate();
    expect(wxError((await commitExt(id, {})).json)).toEqual(UNAUTHORIZED_SET);
    expect(wxError((await getPage()).json)).toEqual(UNAUTHORIZED_SET);
    expect(wxError((await category()).json)).toEqual(UNAUTHORIZED_SET);
    expect(wxError((await privacyInfo()).json)).toEqual(UNAUTHORIZED_SET);
    const qr = await qrcode();
    expect(qr.headers.get('content-type')).toBe('text/plain');
    expect(wxError(qr.json)).toEqual(UNAUTHORIZED_SET);

    h = await restart();
    w = await createWorld(h, [86]);
    expect(wxError((await getPage()).json)).toEqual(UNAUTHORIZED_SET);
    expect(wxError((await qrcode()).json)).toEqual(NO_TRIAL);
  });

  it('48001 for the component token', async () => {
    const UNAUTHORIZED = { errcode: 48001, base: 'api unauthorized' };
    expect(wxError((await getPage(w.componentToken)).json)).toEqual(UNAUTHORIZED);
    expect(wxError((await qrcode('', w.componentToken)).json)).toEqual(UNAUTHORIZED);
  });
});

/** A second platform with its own component token. */
async function otherPlatform(): Promise<{ appid: string; token: string }> {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  const token = await h.post('/cgi-bin/component/api_component_token', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: platform.verify_ticket,
  });
  return { appid: platform.appid, token: token.json.component_access_token };
}

/** A fresh emulator in place of the current one. */
async function restart(): Promise<Harness> {
  await h.close();
  return startEmulator();
}

describe('get_page', () => {
  it('86001 before any commit', async () => {
    const result = await getPage();
    expect(result.headers.get('content-type')).toBe('application/json; encoding=utf-8');
    expect(wxError(result.json)).toEqual(NO_TRIAL);
  });
});

describe('get_qrcode', () => {
  it('sends a baseline JPEG of the trial link with its headers', async () => {
    await commitExt(await addTemplate(), {});
    const { response, bytes } = await qrcodeBytes();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="QRCode.jpg"');
    expect(response.headers.get('cache-control')).toBe('no-cache, must-revalidate');
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // A baseline frame (SOF0), never a progressive one (SOF2).
    expect(Buffer.from(bytes).includes(Buffer.from([0xff, 0xc0]))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0xff, 0xc2]))).toBe(false);
    const { text, width, height } = scanBytes(bytes);
    expect(text).toBe(
      `https://open.weixin.qq.com/sns/getexpappinfo?appid=${w.miniProgram.appid}#wechat-redirect`,
    );
    // 8 px a module, a 4-module quiet zone on each side of a 21 + 4k module code.
    expect(width).toBe(height);
    expect(width % 8).toBe(0);
    expect((width / 8 - 8 - 21) % 4).toBe(0);
  });

  it('puts the page, with .html before its query, in the link', async () => {
    await commitExt(await addTemplate(), {});
    const link = (path: string) =>
      `https://open.weixin.qq.com/sns/getexpappinfo?appid=${w.miniProgram.appid}&path=${path}#wechat-redirect`;
    const withQuery = await qrcodeBytes(`&path=${encodeURIComponent('page/index?action=1&id=测试')}`);
    expect(scanBytes(withQuery.bytes).text).toBe(
      link('page%2Findex.html%3Faction%3D1%26id%3D%E6%B5%8B%E8%AF%95'),
    );
    // Not checked against the trial's pages.
    const plain = await qrcodeBytes('&path=pages%2Fnone');
    expect(scanBytes(plain.bytes).text).toBe(link('pages%2Fnone.html'));
  });

  it('86001 without a trial version, as text/plain JSON', async () => {
    const result = await qrcode();
    expect(result.headers.get('content-type')).toBe('text/plain');
    expect(result.headers.get('content-disposition')).toBeNull();
    expect(wxError(result.json)).toEqual(NO_TRIAL);
  });
});

describe('get_code_privacy_info', () => {
  it('lists the template’s privacy APIs left undeclared or unpermitted', async () => {
    expect(wxError((await privacyInfo()).json)).toEqual(NO_TRIAL);
    const id = await addTemplate();
    await commitExt(id, { requiredPrivateInfos: ['getLocation', 'chooseLocation'] });
    // Every API is permitted by default.
    expect((await privacyInfo()).text).toBe(
      '{"errcode":0,"errmsg":"ok","without_auth_list":[],"without_conf_list":["wx.onLocationChange","wx.chooseAddress"]}',
    );
    // Read when asked: the account's permissions count as they are now.
    await patch(`accounts/${w.miniProgram.appid}`, {
      permitted_privacy_apis: ['getLocation', 'wx.chooseAddress'],
    });
    expect((await privacyInfo()).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      without_auth_list: ['wx.onLocationChange'],
      without_conf_list: ['wx.onLocationChange', 'wx.chooseAddress'],
    });
    await commitExt(id, { requiredPrivateInfos: ['chooseAddress', 'getLocation'] });
    expect((await privacyInfo()).json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      without_auth_list: ['wx.onLocationChange'],
      without_conf_list: ['wx.onLocationChange'],
    });
    await patch(`accounts/${w.miniProgram.appid}`, { permitted_privacy_apis: null });
    await commitExt(id, { requiredPrivateInfos: ['chooseAddress', 'getLocation', 'onLocationChange'] });
    expect((await privacyInfo()).text).toBe(
      '{"errcode":0,"errmsg":"ok","without_auth_list":[],"without_conf_list":[]}',
    );
    // A template without privacy APIs.
    await commitExt(await addTemplate({ privacy_apis: [] }), {});
    expect((await privacyInfo()).text).toBe(
      '{"errcode":0,"errmsg":"ok","without_auth_list":[],"without_conf_list":[]}',
    );
  });

  it('61039 until the privacy scan a commit starts has run', async () => {
    expect((await patch(`platforms/${w.platform.appid}`, { privacy_scan_seconds: 60 })).status).toBe(200);
    const id = await addTemplate();
    await commitExt(id, {});
    expect(wxError((await privacyInfo()).json)).toEqual(SCANNING);
    await advanceClock(h, 59);
    expect(wxError((await privacyInfo()).json)).toEqual(SCANNING);
    await advanceClock(h, 1);
    expect((await privacyInfo()).json.without_conf_list).toEqual([
      'wx.getLocation',
      'wx.onLocationChange',
      'wx.chooseAddress',
    ]);
    // Committing again restarts it; a failed commit does not.
    await commitExt(id, { pages: [] });
    expect((await privacyInfo()).json.errcode).toBe(0);
    await commitExt(id, {});
    expect(wxError((await privacyInfo()).json)).toEqual(SCANNING);
    await advanceClock(h, 60);
    expect((await privacyInfo()).json.errcode).toBe(0);
  });
});

describe('get_category', () => {
  it("lists the account's categories in WeChat's field order", async () => {
    expect((await category()).text).toBe(
      '{"errcode":0,"errmsg":"ok","category_list":[{"first_class":"工具","second_class":"备忘录","first_id":1,"second_id":2}]}',
    );
    const categories = [
      { third_id: 30, second_id: 20, first_id: 10, third_class: '丙', second_class: '乙', first_class: '甲' },
      { second_id: 2, first_id: 1, second_class: 'B', first_class: 'A' },
    ];
    expect((await patch(`accounts/${w.miniProgram.appid}`, { categories })).status).toBe(200);
    expect((await category()).text).toBe(
      '{"errcode":0,"errmsg":"ok","category_list":[' +
        '{"first_class":"甲","second_class":"乙","third_class":"丙","first_id":10,"second_id":20,"third_id":30},' +
        '{"first_class":"A","second_class":"B","first_id":1,"second_id":2}]}',
    );
    await patch(`accounts/${w.miniProgram.appid}`, { categories: [] });
    expect((await category()).text).toBe('{"errcode":0,"errmsg":"ok","category_list":[]}');
  });
});
