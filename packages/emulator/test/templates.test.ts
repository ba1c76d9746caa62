import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

const setClock = (seconds: number) => h.post('/_wxlocal/clock', { set: seconds });
/** The emulated time the tests read back; tokens are issued at it so that they stay valid. */
const T = 1_800_000_000;

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  await setClock(T);
  w = await createWorld(h);
});
afterEach(() => h.close());

const OK = '{"errcode":0,"errmsg":"ok"}';
const NOT_FOUND = { errcode: 85064, base: 'template not found' };
const FULL = { errcode: 85065, base: 'template list is full' };
const INVALID_ARGS = { errcode: 40097, base: 'invalid args' };
const UNAUTHORIZED = { errcode: 48001, base: 'api unauthorized' };
const EMPTY_POST = { errcode: 44002, base: 'empty post data' };
const DATA_FORMAT = { errcode: 47001, base: 'data format error' };

const upload = (body: Record<string, unknown> = {}, platform = w.platform.appid) =>
  h.post(`/_wxlocal/platforms/${platform}/drafts`, {
    user_version: '1.0.0',
    pages: ['pages/index'],
    ...body,
  });
const draftList = (token = w.componentToken) => h.get(`/wxa/gettemplatedraftlist?access_token=${token}`);
const addToTemplate = (body: unknown, token = w.componentToken) =>
  h.call('POST', `/wxa/addtotemplate?access_token=${token}`, body);
const templateList = (query = '', token = w.componentToken) =>
  h.get(`/wxa/gettemplatelist?access_token=${token}${query}`);
const deleteTemplate = (body: unknown, token = w.componentToken) =>
  h.call('POST', `/wxa/deletetemplate?access_token=${token}`, body);
const templateIds = async (query = '') =>
  ((await templateList(query)).json.template_list as { template_id: number }[]).map((t) => t.template_id);

/** A second platform with its own component token. */
async function otherPlatform() {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  const token = (
    await h.post('/cgi-bin/component/api_component_token', {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    })
  ).json.component_access_token as string;
  return { appid: platform.appid as string, token };
}

/** The stored drafts, as the state document shows them. */
async function storedDrafts() {
  return (await h.get('/_wxlocal/state')).json.tables.template_drafts as Record<string, unknown>[];
}

/** A GET with a JSON body, which fetch cannot send. */
function getWithBody(path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, h.baseUrl),
      {
        method: 'GET',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('POST /_wxlocal/platforms/:appid/drafts', () => {
  it('201 with the draft id, numbered 0, 1, 2 … per platform', async () => {
    await setClock(T);
    const first = await upload();
    expect(first.status).toBe(201);
    expect(first.text).toBe(`{"draft_id":0,"create_time":${T}}`);
    await setClock(T + 60);
    expect((await upload()).json).toEqual({ draft_id: 1, create_time: T + 60 });
    const other = await otherPlatform();
    expect((await upload({}, other.appid)).json.draft_id).toBe(0);
    expect((await upload()).json.draft_id).toBe(2);
  });

  it('stores the defaults and privacy APIs by their wx. names, each once', async () => {
    await upload({
      privacy_apis: [
        'getLocation',
        'wx.getLocation',
        'wx.chooseAddress',
        'chooseAddress',
        'getFuzzyLocation',
      ],
    });
    await upload({
      user_desc: 'first release',
      subpackages: [{ root: 'pkg', pages: ['a', 'b'] }],
      tabbar_pages: ['pages/index'],
      size_kb: 30000,
      source_miniprogram_appid: 'wxsource000000001',
      source_miniprogram: 'Source MP',
      developer: 'dev',
    });
    const [bare, full] = await storedDrafts();
    expect(bare).toMatchObject({
      draft_id: 0,
      user_desc: '',
      pages: '["pages/index"]',
      subpackages: '[]',
      tabbar_pages: '[]',
      privacy_apis: '["wx.getLocation","wx.chooseAddress","wx.getFuzzyLocation"]',
      size_kb: 1024,
      source_miniprogram_appid: '',
      source_miniprogram: '',
      developer: '',
    });
    expect(full).toMatchObject({
      draft_id: 1,
      user_desc: 'first release',
      subpackages: '[{"root":"pkg","pages":["a","b"]}]',
      tabbar_pages: '["pages/index"]',
      privacy_apis: '[]',
      size_kb: 30000,
      source_miniprogram_appid: 'wxsource000000001',
      source_miniprogram: 'Source MP',
      developer: 'dev',
    });
  });

  it('404 for an unknown platform', async () => {
    const response = await upload({}, 'wxnoplatform00000');
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ error: 'platform wxnoplatform00000 not found' });
  });

  it('400 for a tab-bar page that is not a main page, naming it', async () => {
    for (const tabbar_pages of [['pages/me'], ['pages/index', 'pkg/a']]) {
      const response = await upload({ tabbar_pages, subpackages: [{ root: 'pkg', pages: ['a'] }] });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        error: `invalid body: tabbar_pages entry "${tabbar_pages.at(-1)}" is not in pages`,
      });
    }
    expect((await upload({ pages: [] })).status).toBe(400);
    expect((await upload({ pages: ['/pages/index'] })).status).toBe(400);
    expect((await upload({ privacy_apis: ['wx.getUserInfo'] })).status).toBe(400);
    expect(await storedDrafts()).toEqual([]);
  });
});

describe('gettemplatedraftlist', () => {
  it('lists the platform’s drafts with exact JSON, kept after addtotemplate', async () => {
    expect((await draftList()).text).toBe('{"errcode":0,"errmsg":"ok","draft_list":[]}');
    await setClock(T);
    await upload({ user_version: '1.0.0', user_desc: 'first' });
    await setClock(T + 5);
    await upload({ user_version: '1.0.1' });
    const other = await otherPlatform();
    await upload({ user_version: '9.9.9' }, other.appid);
    await addToTemplate({ draft_id: 0 });
    expect((await draftList()).text).toBe(
      `{"errcode":0,"errmsg":"ok","draft_list":[` +
        `{"create_time":${T},"user_version":"1.0.0","user_desc":"first","draft_id":0},` +
        `{"create_time":${T + 5},"user_version":"1.0.1","user_desc":"","draft_id":1}]}`,
    );
    // component_access_token is the other name of the token parameter.
    const byOtherName = await h.get(`/wxa/gettemplatedraftlist?component_access_token=${other.token}`);
    expect(byOtherName.json.draft_list.map((d: { user_version: string }) => d.user_version)).toEqual([
      '9.9.9',
    ]);
  });

  it('48001 with an authorizer token', async () => {
    expect(wxError((await draftList(w.mpToken)).json)).toEqual(UNAUTHORIZED);
  });
});

describe('addtotemplate', () => {
  it('makes a template created at the time of the call; the same draft twice makes two', async () => {
    await setClock(T);
    await upload({
      user_version: '1.0.0',
      user_desc: 'desc',
      source_miniprogram_appid: 'wxsource000000001',
      source_miniprogram: 'Source',
      developer: 'dev',
    });
    await setClock(T + 100);
    expect((await addToTemplate({ draft_id: 0 })).text).toBe(OK);
    await setClock(T + 200);
    expect((await addToTemplate({ draft_id: '0', template_type: '0' })).text).toBe(OK);
    const item = (id: number, time: number) =>
      `{"create_time":${time},"user_version":"1.0.0","user_desc":"desc","template_id":${id},"draft_id":0,` +
      `"source_miniprogram_appid":"wxsource000000001","source_miniprogram":"Source","developer":"dev",` +
      `"template_type":0,"category_list":[]}`;
    expect((await templateList()).text).toBe(
      `{"errcode":0,"errmsg":"ok","template_list":[${item(1, T + 100)},${item(2, T + 200)}]}`,
    );
  });

  it('takes ids and types as numbers or numeric strings; template_type left out or null is 0', async () => {
    await upload();
    await upload();
    for (const body of [
      { draft_id: 1 },
      { draft_id: '1', template_type: null },
      { draft_id: ' 1 ', template_type: 1 },
      { draft_id: 0, template_type: '1' },
    ]) {
      expect((await addToTemplate(body)).text).toBe(OK);
    }
    const list = (await templateList()).json.template_list;
    expect(
      list.map((t: { draft_id: number; template_type: number }) => [t.draft_id, t.template_type]),
    ).toEqual([
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
  });

  it('85064 for a missing, non-numeric or unknown draft, another platform’s included', async () => {
    await upload();
    const other = await otherPlatform();
    await upload({}, other.appid);
    await upload({}, other.appid);
    for (const body of [
      {},
      { draft_id: null },
      { draft_id: '' },
      { draft_id: 'abc' },
      { draft_id: '"0"' },
      { draft_id: true },
      { draft_id: [0] },
      { draft_id: 0.5 },
      { draft_id: 1 },
      { draft_id: -1 },
    ]) {
      expect(wxError((await addToTemplate(body)).json), JSON.stringify(body)).toEqual(NOT_FOUND);
    }
    expect(await templateIds()).toEqual([]);
  });

  it('40097 for a template_type other than 0 or 1, before the draft is looked up', async () => {
    await upload();
    for (const template_type of [2, -1, '2', 'abc', '', true, 1.5]) {
      expect(wxError((await addToTemplate({ draft_id: 0, template_type })).json)).toEqual(INVALID_ARGS);
    }
    expect(wxError((await addToTemplate({ draft_id: 7, template_type: 2 })).json)).toEqual(INVALID_ARGS);
    expect(await templateIds()).toEqual([]);
  });

  it('checks the token kind, then the body', async () => {
    expect(wxError((await addToTemplate('', w.mpToken)).json)).toEqual(UNAUTHORIZED);
    expect(wxError((await addToTemplate('')).json)).toEqual(EMPTY_POST);
    expect(wxError((await addToTemplate('{draft_id:0')).json)).toEqual(DATA_FORMAT);
    expect(wxError((await addToTemplate('"0"')).json)).toEqual(DATA_FORMAT);
    expect(wxError((await addToTemplate({ template_type: 5 })).json)).toEqual(INVALID_ARGS);
  });

  it('85065 at exactly 200 templates of one type, while the other type still accepts', async () => {
    await upload();
    for (let i = 0; i < 199; i++) expect((await addToTemplate({ draft_id: 0 })).text).toBe(OK);
    expect((await addToTemplate({ draft_id: 0, template_type: 0 })).text).toBe(OK);
    expect(wxError((await addToTemplate({ draft_id: 0 })).json)).toEqual(FULL);
    // An unknown draft is reported before a full library.
    expect(wxError((await addToTemplate({ draft_id: 1 })).json)).toEqual(NOT_FOUND);
    expect((await addToTemplate({ draft_id: 0, template_type: 1 })).text).toBe(OK);
    expect((await templateIds('&template_type=0')).length).toBe(200);
    // Deleting one frees a place; its id is not given again.
    expect((await deleteTemplate({ template_id: 7 })).text).toBe(OK);
    expect((await addToTemplate({ draft_id: 0 })).text).toBe(OK);
    const ordinary = await templateIds('&template_type=0');
    expect(ordinary.length).toBe(200);
    expect(ordinary).not.toContain(7);
    expect(ordinary.at(-1)).toBe(202);
    expect(wxError((await addToTemplate({ draft_id: 0 })).json)).toEqual(FULL);
    expect(await templateIds('&template_type=1')).toEqual([201]);
  });

  it('each platform has its own library and ids', async () => {
    const other = await otherPlatform();
    await upload();
    await upload({}, other.appid);
    await addToTemplate({ draft_id: 0 });
    await addToTemplate({ draft_id: 0 });
    expect((await addToTemplate({ draft_id: 0 }, other.token)).text).toBe(OK);
    expect(await templateIds()).toEqual([1, 2]);
    const theirs = (await templateList('', other.token)).json.template_list;
    expect(theirs.map((t: { template_id: number }) => t.template_id)).toEqual([1]);
  });
});

describe('gettemplatelist', () => {
  beforeEach(async () => {
    await setClock(T);
    await upload({ user_version: '2.0.0', user_desc: 'std' });
    await setClock(T + 10);
    await addToTemplate({ draft_id: 0, template_type: 1 });
    await setClock(T + 20);
    await addToTemplate({ draft_id: 0 });
  });
  const standard =
    `{"create_time":${T + 10},"user_version":"2.0.0","user_desc":"std","template_id":1,"draft_id":0,` +
    `"source_miniprogram_appid":"","source_miniprogram":"","developer":"","template_type":1,"category_list":[],` +
    `"audit_scene":0,"audit_status":3,"reason":""}`;
  const ordinary =
    `{"create_time":${T + 20},"user_version":"2.0.0","user_desc":"std","template_id":2,"draft_id":0,` +
    `"source_miniprogram_appid":"","source_miniprogram":"","developer":"","template_type":0,"category_list":[]}`;
  const listText = (items: string[]) => `{"errcode":0,"errmsg":"ok","template_list":[${items.join(',')}]}`;

  it('lists both kinds by template_id, standard ones with their audit fields', async () => {
    expect((await templateList()).text).toBe(listText([standard, ordinary]));
  });

  it('filters by template_type from the query', async () => {
    expect((await templateList('&template_type=0')).text).toBe(listText([ordinary]));
    expect((await templateList('&template_type=1')).text).toBe(listText([standard]));
    expect((await templateList('&template_type=%201%20')).text).toBe(listText([standard]));
  });

  it('reads template_type from a JSON body when the query lacks it', async () => {
    const path = `/wxa/gettemplatelist?access_token=${w.componentToken}`;
    expect((await getWithBody(path, '{"template_type":1}')).text).toBe(listText([standard]));
    expect((await getWithBody(path, '{"template_type":"0"}')).text).toBe(listText([ordinary]));
    expect((await getWithBody(`${path}&template_type=0`, '{"template_type":1}')).text).toBe(
      listText([ordinary]),
    );
    expect((await getWithBody(path, '{"template_type":null}')).text).toBe(listText([standard, ordinary]));
  });

  it('any other template_type lists nothing', async () => {
    for (const query of ['&template_type=2', '&template_type=abc', '&template_type=', '&template_type=-1']) {
      expect((await templateList(query)).text).toBe(listText([]));
    }
  });

  it('an empty library is []; 48001 with an authorizer token', async () => {
    const other = await otherPlatform();
    expect((await templateList('', other.token)).text).toBe(listText([]));
    expect(wxError((await templateList('', w.mpToken)).json)).toEqual(UNAUTHORIZED);
  });
});

describe('deletetemplate', () => {
  beforeEach(async () => {
    await upload();
    for (let i = 0; i < 3; i++) await addToTemplate({ draft_id: 0 });
  });

  it('removes the template; numeric strings name it; ids are never reused', async () => {
    expect((await deleteTemplate({ template_id: 2 })).text).toBe(OK);
    expect((await deleteTemplate({ template_id: '3' })).text).toBe(OK);
    expect(await templateIds()).toEqual([1]);
    await addToTemplate({ draft_id: 0 });
    expect(await templateIds()).toEqual([1, 4]);
    // The draft stays in the draft box.
    expect((await draftList()).json.draft_list.length).toBe(1);
  });

  it('85064 for a missing, non-numeric, unknown, deleted or foreign template', async () => {
    await deleteTemplate({ template_id: 2 });
    const other = await otherPlatform();
    await upload({}, other.appid);
    for (let i = 0; i < 4; i++) await addToTemplate({ draft_id: 0 }, other.token);
    for (const body of [
      {},
      { template_id: 0 },
      { template_id: '' },
      { template_id: 'x1' },
      { template_id: '"1"' },
      { template_id: 2 },
      { template_id: 4 },
      { template_id: 9 },
    ]) {
      expect(wxError((await deleteTemplate(body)).json), JSON.stringify(body)).toEqual(NOT_FOUND);
    }
    expect(await templateIds()).toEqual([1, 3]);
    // Deleting our template 1 leaves the other platform's template 1.
    expect((await deleteTemplate({ template_id: 1 })).text).toBe(OK);
    expect((await templateList('', other.token)).json.template_list.length).toBe(4);
  });

  it('checks the token kind, then the body', async () => {
    expect(wxError((await deleteTemplate('', w.mpToken)).json)).toEqual(UNAUTHORIZED);
    expect(wxError((await deleteTemplate('')).json)).toEqual(EMPTY_POST);
    expect(wxError((await deleteTemplate('template_id=1')).json)).toEqual(DATA_FORMAT);
    expect(await templateIds()).toEqual([1, 2, 3]);
  });
});
