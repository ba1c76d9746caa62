import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlClient } from '../src/embed/control-client.js';
import { createWorld, type Harness, linkWorldAccounts, startEmulator, type World } from './helpers.js';

/** 2027-03-10 12:00 China time: each test starts its world here, so every time below is exact. */
const T = Date.UTC(2027, 2, 10, 4) / 1000;
const UNKNOWN = 'wx0000000000000000';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  await setClock(T);
  w = await createWorld(h);
});
afterEach(() => h.close());

async function setClock(unixSeconds: number): Promise<void> {
  await h.post('/_wxlocal/clock', { set: unixSeconds });
}

async function componentToken(platform: { appid: string; secret: string }): Promise<string> {
  const ticket = (await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket;
  const answer = await h.post('/cgi-bin/component/api_component_token', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: ticket,
  });
  return answer.json.component_access_token;
}

describe('GET /_wxlocal/accounts/:appid/qrcode-rules', () => {
  const PREFIX = 'https://weixin.example.com/qrcodejump';
  const SHOP = 'https://weixin.example.com/shop';
  const QR = 'http://weixin.qq.com/q/02P5KzM_abcdef';
  const qr = (op: string, body: unknown, token = w.mpToken) =>
    h.post(`/cgi-bin/wxopen/qrcodejump${op}?access_token=${token}`, body);
  const rulesOf = (appid: string) => h.get(`/_wxlocal/accounts/${appid}/qrcode-rules`);
  const ordinary = {
    prefix: PREFIX,
    state: 1,
    mode: 'ordinary',
    permit_sub_rule: 1,
    path: 'pages/index/index',
    open_version: 1,
    debug_url: [`${PREFIX}?a=1`],
    target_appid: null,
    created_at: T + 10,
    published_at: null,
  };

  it("a Mini Program's rules in qrcodejumpget order: state 1, then 2 once published, publishes left 100, then 99", async () => {
    expect((await rulesOf(w.miniProgram.appid)).json).toEqual({ rules: [], publishes_left: 100 });
    const file = (await qr('download', {})).json;
    await h.post('/_wxlocal/confirm-files', {
      url: `https://weixin.example.com/${file.file_name}`,
      content: file.file_content,
    });
    await setClock(T + 10);
    const add = { ...ordinary, is_edit: 0 };
    expect((await qr('add', add)).json.errcode).toBe(0);
    const second = { ...add, prefix: SHOP, permit_sub_rule: 2, open_version: 3, debug_url: [] };
    expect((await qr('add', second)).json.errcode).toBe(0);
    const added = (await rulesOf(w.miniProgram.appid)).json;
    expect(added).toEqual({
      rules: [ordinary, { ...ordinary, prefix: SHOP, permit_sub_rule: 2, open_version: 3, debug_url: [] }],
      publishes_left: 100,
    });
    const listed = (await qr('get', {})).json.rule_list.map((rule: { prefix: string }) => rule.prefix);
    expect(added.rules.map((rule: { prefix: string }) => rule.prefix)).toEqual(listed);

    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    await setClock(T + 20);
    expect((await qr('publish', { prefix: PREFIX })).json.errcode).toBe(0);
    expect((await rulesOf(w.miniProgram.appid)).json).toEqual({
      rules: [
        { ...ordinary, state: 2, published_at: T + 20 },
        { ...ordinary, prefix: SHOP, permit_sub_rule: 2, open_version: 3, debug_url: [] },
      ],
      publishes_left: 99,
    });
  });

  it("an Official Account's rules are service rules naming the Mini Program they open", async () => {
    await linkWorldAccounts(h, w);
    await setClock(T + 30);
    const add = { prefix: QR, appid: w.miniProgram.appid, path: 'pages/index/index', is_edit: 0 };
    expect((await qr('add', add, w.oaToken)).json.errcode).toBe(0);
    expect((await rulesOf(w.officialAccount.appid)).json).toEqual({
      rules: [
        {
          prefix: QR,
          state: 1,
          mode: 'service',
          permit_sub_rule: 1,
          path: 'pages/index/index',
          open_version: 3,
          debug_url: [],
          target_appid: w.miniProgram.appid,
          created_at: T + 30,
          published_at: null,
        },
      ],
      publishes_left: 100,
    });
    expect((await rulesOf(w.miniProgram.appid)).json).toEqual({ rules: [], publishes_left: 100 });
  });

  it('404 for an unknown account', async () => {
    const answer = await rulesOf(UNKNOWN);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: `account ${UNKNOWN} not found` });
    expect((await rulesOf(w.platform.appid)).status).toBe(404);
  });
});

describe('GET /_wxlocal/platforms/:appid/domains', () => {
  const pools = async (appid: string) => (await h.get(`/_wxlocal/platforms/${appid}/domains`)).json;
  const serverDomain = (token: string, body: object) =>
    h.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${token}`, {
      is_modify_published_together: false,
      ...body,
    });
  const jumpDomain = (token: string, body: object) =>
    h.post(`/cgi-bin/component/modify_wxa_jump_domain?access_token=${token}`, {
      is_modify_published_together: false,
      ...body,
    });
  const publish = (appid: string) => h.call('PATCH', `/_wxlocal/platforms/${appid}`, { published: true });

  it('a published platform: both pools, testing changed alone or with published, then a publish copies them', async () => {
    const P = w.platform.appid;
    expect(await pools(P)).toEqual({
      server: { testing: [], published: [] },
      jump: { testing: [], published: [] },
    });
    await serverDomain(w.componentToken, { action: 'set', wxa_server_domain: 'www.qq.com;wx.qq.com' });
    await serverDomain(w.componentToken, {
      action: 'add',
      wxa_server_domain: 'a.qq.com',
      is_modify_published_together: true,
    });
    const file = (
      await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${w.componentToken}`, {})
    ).json;
    await h.post('/_wxlocal/confirm-files', {
      url: `https://h5.qq.com/${file.file_name}`,
      content: file.file_content,
    });
    expect(
      (await jumpDomain(w.componentToken, { action: 'add', wxa_jump_h5_domain: 'h5.qq.com' })).json,
    ).toEqual({
      errcode: 0,
      errmsg: 'ok',
      published_wxa_jump_h5_domain: '',
      testing_wxa_jump_h5_domain: 'h5.qq.com',
    });
    expect(await pools(P)).toEqual({
      server: { testing: ['www.qq.com', 'wx.qq.com', 'a.qq.com'], published: ['a.qq.com'] },
      jump: { testing: ['h5.qq.com'], published: [] },
    });
    await publish(P);
    expect(await pools(P)).toEqual({
      server: {
        testing: ['www.qq.com', 'wx.qq.com', 'a.qq.com'],
        published: ['www.qq.com', 'wx.qq.com', 'a.qq.com'],
      },
      jump: { testing: ['h5.qq.com'], published: ['h5.qq.com'] },
    });
  });

  it('a platform never published has published null until its publish; 404 for an unknown platform', async () => {
    const platform = (await h.post('/_wxlocal/platforms', {})).json;
    expect(await pools(platform.appid)).toEqual({
      server: { testing: [], published: null },
      jump: { testing: [], published: null },
    });
    await serverDomain(await componentToken(platform), { action: 'set', wxa_server_domain: 'www.qq.com' });
    expect(await pools(platform.appid)).toEqual({
      server: { testing: ['www.qq.com'], published: null },
      jump: { testing: [], published: null },
    });
    await publish(platform.appid);
    expect(await pools(platform.appid)).toEqual({
      server: { testing: ['www.qq.com'], published: ['www.qq.com'] },
      jump: { testing: [], published: [] },
    });
    const unknown = await h.get(`/_wxlocal/platforms/${UNKNOWN}/domains`);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: `platform ${UNKNOWN} not found` });
  });
});

describe('POST /_wxlocal/platforms/:appid/pre-auth-codes', () => {
  const issue = (appid: string) => h.post(`/_wxlocal/platforms/${appid}/pre-auth-codes`);
  const fromApi = async () =>
    (
      await h.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${w.componentToken}`, {
        component_appid: w.platform.appid,
      })
    ).json;
  const consolePage = () => `/_wxlocal/ui/#/platforms/${w.platform.appid}`;
  const pageUrl = (code: string) =>
    `/cgi-bin/componentloginpage?component_appid=${w.platform.appid}&pre_auth_code=${encodeURIComponent(code)}&redirect_uri=${encodeURIComponent(consolePage())}`;
  const authorize = (code: string, authorizerAppid: string) =>
    fetch(`${h.baseUrl}/cgi-bin/componentloginpage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        component_appid: w.platform.appid,
        pre_auth_code: code,
        redirect_uri: consolePage(),
        authorizer_appid: authorizerAppid,
        func_info: '18',
        decision: 'confirm',
      }),
      redirect: 'manual',
    });
  const errorOf = (html: string) => /<p class="error" id="error">([^<]*)<\/p>/.exec(html)?.[1];

  it('a pre_auth_code the authorization page spends once, landing back on the console', async () => {
    const issued = await issue(w.platform.appid);
    expect(issued.status).toBe(201);
    const code = issued.json.pre_auth_code;
    expect(issued.json).toEqual({
      pre_auth_code: expect.stringMatching(/^preauthcode@@@[A-Za-z0-9_-]{64}$/),
      expires_in: (await fromApi()).expires_in,
      authorization_url: pageUrl(code),
    });

    const page = await h.get(issued.json.authorization_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain(`<h1>Authorize ${w.platform.name}</h1>`);
    expect(page.text).toContain(`<input type="hidden" name="redirect_uri" value="${consolePage()}">`);

    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const authorized = await authorize(code, mp.appid);
    expect(authorized.status).toBe(302);
    const landing = new URL(authorized.headers.get('location') ?? '');
    expect(`${landing.origin}${landing.pathname}${landing.hash}`).toBe(`${h.baseUrl}${consolePage()}`);
    expect(landing.searchParams.get('expires_in')).toBe('3600');
    const redeemed = await h.post(
      `/cgi-bin/component/api_query_auth?component_access_token=${w.componentToken}`,
      { component_appid: w.platform.appid, authorization_code: landing.searchParams.get('auth_code') },
    );
    expect(redeemed.json.authorization_info.authorizer_appid).toBe(mp.appid);

    // Single use.
    const again = await authorize(code, mp.appid);
    expect(again.status).toBe(400);
    expect(errorOf(await again.text())).toBe('The pre_auth_code has already been used.');
    expect(errorOf((await h.get(issued.json.authorization_url)).text)).toBe(
      'The pre_auth_code has already been used.',
    );
  });

  it('expires when one from api_create_preauthcode does; 404 for an unknown platform', async () => {
    await setClock(T + 100);
    const issued = (await issue(w.platform.appid)).json;
    const api = await fromApi();
    expect(issued.expires_in).toBe(api.expires_in);
    await setClock(T + 100 + api.expires_in - 1);
    expect((await h.get(issued.authorization_url)).status).toBe(200);
    expect((await h.get(pageUrl(api.pre_auth_code))).status).toBe(200);
    await setClock(T + 100 + api.expires_in + 1);
    for (const url of [issued.authorization_url, pageUrl(api.pre_auth_code)]) {
      const page = await h.get(url);
      expect(page.status).toBe(400);
      expect(errorOf(page.text)).toBe('The pre_auth_code has expired.');
    }

    const unknown = await issue(UNKNOWN);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: `platform ${UNKNOWN} not found` });
  });

  it('the page takes no other path as redirect_uri', async () => {
    const { pre_auth_code } = (await issue(w.platform.appid)).json;
    const page = await h.get(
      `/cgi-bin/componentloginpage?component_appid=${w.platform.appid}&pre_auth_code=${encodeURIComponent(pre_auth_code)}&redirect_uri=${encodeURIComponent('/wechat/authorized')}`,
    );
    expect(page.status).toBe(400);
    expect(errorOf(page.text)).toBe('redirect_uri must be an http or https URL.');
  });
});

describe('tokens and tickets of GET /_wxlocal/authorizations and /platforms', () => {
  const authorizationOf = async (appid: string) =>
    (await h.get('/_wxlocal/authorizations')).json.authorizations.find(
      (row: { authorizer_appid: string }) => row.authorizer_appid === appid,
    );

  it('an authorization shows its newest authorizer_access_token and when it expires, null once expired', async () => {
    expect(await authorizationOf(w.miniProgram.appid)).toEqual({
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
      status: 'active',
      func_info: [18],
      authorizer_refresh_token: w.mpRefreshToken,
      authorizer_access_token: w.mpToken,
      authorizer_access_token_expires_at: T + 7200,
      authorized_at: T,
      updated_at: T,
    });
    await setClock(T + 100);
    const refreshed = await h.post(
      `/cgi-bin/component/api_authorizer_token?component_access_token=${w.componentToken}`,
      {
        component_appid: w.platform.appid,
        authorizer_appid: w.miniProgram.appid,
        authorizer_refresh_token: w.mpRefreshToken,
      },
    );
    const newest = refreshed.json.authorizer_access_token;
    expect(newest).not.toBe(w.mpToken);
    expect(await authorizationOf(w.miniProgram.appid)).toMatchObject({
      authorizer_access_token: newest,
      authorizer_access_token_expires_at: T + 100 + 7200,
    });

    await setClock(T + 7201);
    expect(await authorizationOf(w.officialAccount.appid)).toMatchObject({
      authorizer_access_token: null,
      authorizer_access_token_expires_at: null,
    });
    expect((await authorizationOf(w.miniProgram.appid)).authorizer_access_token).toBe(newest);
    await h.post('/_wxlocal/clock', { advance: 100 });
    expect(await authorizationOf(w.miniProgram.appid)).toMatchObject({
      authorizer_access_token: null,
      authorizer_access_token_expires_at: null,
    });
  });

  it('a revoked authorization shows no token', async () => {
    const revoked = await h.call(
      'DELETE',
      `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`,
    );
    expect(revoked.json).toMatchObject({
      status: 'revoked',
      authorizer_refresh_token: null,
      authorizer_access_token: null,
      authorizer_access_token_expires_at: null,
    });
    expect(await authorizationOf(w.miniProgram.appid)).toEqual(revoked.json);
  });

  it('a platform shows when its current verify ticket was issued', async () => {
    await setClock(T + 50);
    const created = (await h.post('/_wxlocal/platforms', {})).json;
    expect(created).toMatchObject({
      verify_ticket_issued_at: T + 50,
      verify_ticket_expires_at: T + 50 + 43200,
    });
    await setClock(T + 50 + 2100);
    const later = (await h.get(`/_wxlocal/platforms/${created.appid}`)).json;
    // A new ticket falls due on each 600 s boundary after the previous one.
    expect(later).toMatchObject({
      verify_ticket_issued_at: T + 50 + 1800,
      verify_ticket_expires_at: T + 50 + 1800 + 43200,
    });
    expect(later.verify_ticket).not.toBe(created.verify_ticket);
    const listed = (await h.get('/_wxlocal/platforms')).json.platforms;
    expect(listed.find((p: { appid: string }) => p.appid === created.appid)).toEqual(later);
  });
});

describe('the control client', () => {
  it('control.qrcode.rules, control.platforms.domains and control.platforms.preAuthCode', async () => {
    const control = controlClient(h.baseUrl);
    expect(await control.qrcode.rules(w.miniProgram.appid)).toEqual({ rules: [], publishes_left: 100 });
    expect(await control.platforms.domains(w.platform.appid)).toEqual({
      server: { testing: [], published: [] },
      jump: { testing: [], published: [] },
    });
    const issued = await control.platforms.preAuthCode(w.platform.appid);
    expect(issued.authorization_url).toBe(
      `/cgi-bin/componentloginpage?component_appid=${w.platform.appid}&pre_auth_code=${encodeURIComponent(issued.pre_auth_code)}&redirect_uri=${encodeURIComponent(`/_wxlocal/ui/#/platforms/${w.platform.appid}`)}`,
    );
    expect((await h.get(issued.authorization_url)).status).toBe(200);
    await expect(control.qrcode.rules(UNKNOWN)).rejects.toMatchObject({
      status: 404,
      message: `account ${UNKNOWN} not found`,
      route: 'qrcode.rules',
    });
    await expect(control.platforms.domains(UNKNOWN)).rejects.toMatchObject({ status: 404 });
    await expect(control.platforms.preAuthCode(UNKNOWN)).rejects.toMatchObject({ status: 404 });
  });
});

describe('permission-set names', () => {
  it('bundle for a browser with nothing from Node', async () => {
    const bundled = await build({
      entryPoints: [fileURLToPath(new URL('../src/pages/permission-sets.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'sets',
      write: false,
      logLevel: 'silent',
    });
    const code = bundled.outputFiles[0]?.text ?? '';
    const { permissionSets } = new Function(`${code}; return sets;`)();
    expect(permissionSets.miniprogram).toContainEqual({ id: 18, name: 'Development and data analysis' });
    expect(permissionSets.official_account).toContainEqual({ id: 33, name: 'Mini Program management' });
  });
});
