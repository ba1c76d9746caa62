import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

/**
 * The whole deploy pipeline over HTTP, as a platform drives it: a developer's upload, the template library,
 * commit, audit, release; and what the release changes for business domains and QR-code jump rules.
 */

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  await at(T);
  w = await createWorld(h);
});
afterEach(() => h.close());

/** Emulated start time; each step sets the clock to a later second (also spacing the QR calls, 5 a second). */
const T = 1_900_000_000;
const at = (seconds: number) => h.post('/_wxlocal/clock', { set: seconds });

const wxa = (path: string, body: unknown, token = w.mpToken) =>
  h.call(body === undefined ? 'GET' : 'POST', `/wxa/${path}?access_token=${token}`, body);
const qr = (op: string, body: unknown) =>
  h.call('POST', `/cgi-bin/wxopen/qrcodejump${op}?access_token=${w.mpToken}`, body);
const OK = { errcode: 0, errmsg: 'ok' };
const PREFIX = 'https://weixin.example.com/qrcodejump';
const PAGES = ['pages/index/index', 'pages/shop/shop', 'pages/about/about'];
const MP_DOMAINS = ['https://a.example.com'];
const DIRECT_DOMAINS = ['https://h5.example.com'];

/** The developer uploads with DevTools; the platform adds the draft to its library and commits it. */
async function uploadAndCommit(): Promise<void> {
  const draft = await h.post(`/_wxlocal/platforms/${w.platform.appid}/drafts`, {
    user_version: '2.1.0',
    user_desc: 'spring menu',
    pages: PAGES,
  });
  expect(draft.status).toBe(201);
  expect((await wxa('addtotemplate', { draft_id: draft.json.draft_id }, w.componentToken)).json).toEqual(OK);
  const library = (await wxa('gettemplatelist', undefined, w.componentToken)).json.template_list;
  expect(library).toHaveLength(1);
  const extJson = {
    extAppid: w.miniProgram.appid,
    ext: { shop_id: 'S001' },
    pages: ['pages/index/index', 'pages/shop/shop'],
    window: { navigationBarTitleText: 'Shop' },
  };
  await at(T + 5);
  const committed = await wxa('commit', {
    template_id: library[0].template_id,
    ext_json: JSON.stringify(extJson),
    user_version: '2.1.0',
    user_desc: 'spring menu for S001',
  });
  expect(committed.json).toEqual(OK);
  expect((await wxa('get_page', undefined)).json).toEqual({ ...OK, page_list: extJson.pages });
}

/** Business domains (console list, and one set directly) and a QR-code jump rule, all waiting for a release. */
async function prepareDomainsAndRules(): Promise<void> {
  await h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/webviewdomain`, {
    mp_webviewdomain: MP_DOMAINS,
  });
  const file = (await wxa('get_webviewdomain_confirmfile', {})).json;
  await h.post('/_wxlocal/confirm-files', {
    url: `https://h5.example.com/${file.file_name}`,
    content: file.file_content,
  });
  expect(
    (await wxa('setwebviewdomain_directly', { action: 'add', webviewdomain: DIRECT_DOMAINS })).json,
  ).toEqual(OK);
  const qrFile = (await qr('download', {})).json;
  await h.post('/_wxlocal/confirm-files', {
    url: `https://weixin.example.com/${qrFile.file_name}`,
    content: qrFile.file_content,
  });
  const rule = {
    prefix: PREFIX,
    permit_sub_rule: 1,
    path: 'pages/shop/shop',
    open_version: 1,
    debug_url: [],
  };
  expect((await qr('add', { ...rule, is_edit: 0 })).json).toEqual(OK);
}

const effectiveDomains = async () => (await wxa('get_effective_webviewdomain', {})).json;
const publishRule = async () => (await qr('publish', { prefix: PREFIX })).json;

async function expectNotReleased(): Promise<void> {
  expect(await effectiveDomains()).toEqual({
    ...OK,
    mp_webviewdomain: MP_DOMAINS,
    third_webviewdomain: [],
    direct_webviewdomain: DIRECT_DOMAINS,
    effective_webviewdomain: MP_DOMAINS,
  });
  expect(wxError(await publishRule())).toEqual({ errcode: 85074, base: 'not published' });
}

/** What a control-plane release gives: the direct domains in force, QR rules publishable. */
async function expectReleased(): Promise<void> {
  const inForce = [...MP_DOMAINS, ...DIRECT_DOMAINS];
  expect(await effectiveDomains()).toEqual({
    ...OK,
    mp_webviewdomain: inForce,
    third_webviewdomain: [],
    direct_webviewdomain: DIRECT_DOMAINS,
    effective_webviewdomain: inForce,
  });
  expect(await publishRule()).toEqual(OK);
  expect((await qr('get', {})).json.rule_list[0].state).toBe(2);
}

describe('draft → template → commit → audit → release', () => {
  it('the reviewer passes the audit and the release puts domains and QR rules in force', async () => {
    await uploadAndCommit();
    await at(T + 10);
    await prepareDomainsAndRules();
    await at(T + 20);
    const auditid = (await wxa('submit_audit', { item_list: [] })).json.auditid;
    expect(auditid).toEqual(expect.any(Number));
    await at(T + 30);
    await expectNotReleased();
    expect(wxError((await wxa('release', {})).json)).toEqual({ errcode: 85020, base: 'status not allowed' });
    await at(T + 40);
    const decided = await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/audit`, { result: 'pass' });
    expect(decided.json).toEqual({ auditid, status: 0, reason: '', screenshot: '' });
    await at(T + 50);
    await expectNotReleased();
    expect((await wxa('release', {})).text).toBe('{"errcode":0,"errmsg":"ok"}');
    await at(T + 60);
    await expectReleased();
    expect((await wxa('getversioninfo', {})).text).toBe(
      `{"errcode":0,"errmsg":"ok","exp_info":{"exp_time":${T + 5},"exp_version":"2.1.0","exp_desc":"spring menu for S001"},"release_info":{"release_time":${T + 50},"release_version":"2.1.0","release_desc":"spring menu for S001"}}`,
    );
    expect((await wxa('get_latest_auditstatus', undefined)).json).toMatchObject({ auditid, status: 0 });
    expect(wxError((await wxa('release', {})).json)).toEqual({
      errcode: 85052,
      base: 'app is already released',
    });
  });

  it('the audit policy decides after its delay, then the release has the same effect', async () => {
    const patched = await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, {
      audit_policy: { result: 'pass', after_seconds: 3600 },
    });
    expect(patched.status).toBe(200);
    await uploadAndCommit();
    await at(T + 10);
    await prepareDomainsAndRules();
    await at(T + 20);
    const auditid = (await wxa('submit_audit', {})).json.auditid;
    await at(T + 3619);
    expect(wxError((await wxa('release', {})).json)).toEqual({ errcode: 85020, base: 'status not allowed' });
    await expectNotReleased();
    await at(T + 3621);
    expect((await wxa('release', {})).json).toEqual(OK);
    expect((await h.get(`/_wxlocal/accounts/${w.miniProgram.appid}/code`)).json.audits).toMatchObject([
      { auditid, status: 0, released: true, due_at: null },
    ]);
    await at(T + 3630);
    await expectReleased();
  });

  it('a rejecting policy leaves nothing to release', async () => {
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, {
      audit_policy: { result: 'reject', after_seconds: 0 },
    });
    await uploadAndCommit();
    await at(T + 10);
    await prepareDomainsAndRules();
    await wxa('submit_audit', {});
    await at(T + 20);
    expect(wxError((await wxa('release', {})).json)).toEqual({ errcode: 85020, base: 'status not allowed' });
    await expectNotReleased();
  });

  it('a rollback is not a release: domains set since stay out of force, QR rules stay publishable', async () => {
    await uploadAndCommit();
    await prepareDomainsAndRules();
    await wxa('submit_audit', {});
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/audit`, { result: 'pass' });
    await at(T + 10);
    expect((await wxa('release', {})).json).toEqual(OK);
    await at(T + 20);
    const library = (await wxa('gettemplatelist', undefined, w.componentToken)).json.template_list;
    const again = {
      template_id: library[0].template_id,
      ext_json: '{}',
      user_version: '2.1.1',
      user_desc: 'fix',
    };
    expect((await wxa('commit', again)).json).toEqual(OK);
    await wxa('submit_audit', {});
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/audit`, { result: 'pass' });
    await at(T + 30);
    expect((await wxa('release', {})).json).toEqual(OK);
    const file = (await wxa('get_webviewdomain_confirmfile', {})).json;
    await h.post('/_wxlocal/confirm-files', {
      url: `https://h6.example.com/${file.file_name}`,
      content: file.file_content,
    });
    const added = await wxa('setwebviewdomain_directly', {
      action: 'add',
      webviewdomain: ['https://h6.example.com'],
    });
    expect(added.json).toEqual(OK);
    await at(T + 40);
    expect((await h.get(`/wxa/revertcoderelease?access_token=${w.mpToken}`)).json).toEqual(OK);
    expect((await wxa('getversioninfo', {})).json.release_info).toEqual({
      release_time: T + 40,
      release_version: '2.1.0',
      release_desc: 'spring menu for S001',
    });
    expect((await effectiveDomains()).effective_webviewdomain).toEqual([...MP_DOMAINS, ...DIRECT_DOMAINS]);
    await at(T + 50);
    expect(await publishRule()).toEqual(OK);
  });
});
