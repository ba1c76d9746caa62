import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { accountFlagDefaults, type ControlResponseOf, controlRouteList } from '@wxlocal/api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ControlClient,
  type ControlEvent,
  ControlPlaneError,
  connectWxlocal,
  controlClient,
  DEMO,
  type Snapshot,
  startWxlocal,
  type Wxlocal,
} from '../src/index.js';

// Black-box tests of the embedding API (README "wxlocal in a test suite"): startWxlocal, connectWxlocal and
// the typed control client, as a test suite that embeds wxlocal uses them.

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const P = DEMO.platform.appid;
const OA = DEMO.officialAccount.appid;
const MP = DEMO.miniProgram.appid;
const RID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const OUT_OF_RANGE =
  'the emulated time must stay between 946684800 (2000-01-01) and 4102444799 (2099-12-31); advance may be negative';

/** The status and message of a call the control plane refused; fails when it was not refused. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ControlPlaneError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('the control plane accepted the call');
}

/** A WeChat API call, as an SDK sends it. */
async function wechat(wx: { url: string }, path: string, body: unknown = {}) {
  const response = await fetch(wx.url + path, { method: 'POST', body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

const componentToken = async (wx: Wxlocal) =>
  wechat(wx, '/cgi-bin/component/api_component_token', {
    component_appid: P,
    component_appsecret: DEMO.platform.secret,
    component_verify_ticket: (await wx.control.platforms.ticket(P)).verify_ticket,
  });

// Every method of the client is called below, and each must be seen both answering and refusing.
type Outcome = 'answered' | 'refused';
const outcomes = new Map<string, Set<Outcome>>();
const note = (name: string, outcome: Outcome) =>
  outcomes.set(name, (outcomes.get(name) ?? new Set()).add(outcome));

/** The client with each method's outcome noted under its dotted name (`qrcode.blacklist.add`). */
function tracked<T extends object>(client: T, prefix = ''): T {
  return Object.fromEntries(
    Object.entries(client).map(([key, value]) => {
      const name = `${prefix}${key}`;
      if (typeof value !== 'function') return [key, tracked(value, `${name}.`)];
      const method = async (...args: unknown[]) => {
        try {
          const answer = await value(...args);
          note(name, 'answered');
          return answer;
        } catch (error) {
          if (error instanceof ControlPlaneError) note(name, 'refused');
          throw error;
        }
      };
      return [key, method];
    }),
  ) as T;
}

/** The client's methods: dotted name and function. */
function methodsOf(client: object, prefix = ''): [string, (...args: unknown[]) => Promise<unknown>][] {
  return Object.entries(client).flatMap(([key, value]) =>
    typeof value === 'function' ? [[`${prefix}${key}`, value]] : methodsOf(value, `${prefix}${key}.`),
  );
}

describe('the control client, one method at a time', () => {
  let wx: Wxlocal;
  let control: ControlClient;
  let start: Snapshot;
  beforeAll(async () => {
    wx = await startWxlocal();
    control = tracked(wx.control);
    start = await wx.control.snapshots.take();
  });
  beforeEach(() => start.restore());
  afterEach(() => wx.control.faults.clear());
  afterAll(() => wx.close());

  it('health, and the index at GET /_wxlocal/ that lists every route', async () => {
    expect(await control.health()).toEqual({
      status: 'ok',
      version,
      store: 'sqlite',
      now: expect.any(Number),
    });

    const index = await fetch(`${wx.url}/_wxlocal/`);
    expect(index.status).toBe(200);
    const { wxlocal, routes } = (await index.json()) as ControlResponseOf<'index'>;
    expect(wxlocal).toBe(version);
    expect(routes.map((route) => route.call)).toEqual(
      // As the README table lists them, without its `\|` escapes.
      controlRouteList.map(([, def]) =>
        `${def.method} /_wxlocal${def.path}${def.doc.query ?? ''}`.replaceAll('\\|', '|'),
      ),
    );
    expect(routes).toContainEqual({
      call: 'GET /_wxlocal/health',
      returns: expect.stringContaining('"status":"ok"'),
    });
    expect(routes).toContainEqual({
      call: 'POST /_wxlocal/links/respond',
      body: '`{official_account, miniprogram, admin: "official_account"|"miniprogram", accept: bool}`',
      returns: expect.stringContaining('409 when nothing awaits that admin'),
    });
  });

  it('platforms: create, get, list, patch, publish, ticket', async () => {
    const created = await control.platforms.create({ appid: 'wxembed0000000001', name: 'Embed Platform' });
    expect(created).toEqual({
      appid: 'wxembed0000000001',
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'Embed Platform',
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
      verify_ticket_expires_at: expect.any(Number),
    });
    expect(created.verify_ticket_expires_at - created.verify_ticket_issued_at).toBe(43200);
    expect(await control.platforms.get(created.appid)).toEqual(created);
    expect((await control.platforms.list()).platforms.map((platform) => platform.appid)).toEqual([
      P,
      created.appid,
    ]);
    const renamed = { ...created, name: 'Renamed', test_accounts: [MP] };
    expect(await control.platforms.patch(created.appid, { name: 'Renamed', test_accounts: [MP] })).toEqual(
      renamed,
    );
    expect(await control.platforms.publish(created.appid)).toEqual({ ...renamed, published: true });
    expect(await control.platforms.ticket(created.appid)).toEqual({
      verify_ticket: created.verify_ticket,
      expires_at: created.verify_ticket_expires_at,
    });
  });

  it('platforms: refusals', async () => {
    const unknown = { status: 404, message: 'platform wxnotthere not found' };
    expect(await refusal(control.platforms.get('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.platforms.patch('wxnotthere', { name: 'x' }))).toEqual(unknown);
    expect(await refusal(control.platforms.publish('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.platforms.ticket('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.platforms.create({ appid: P }))).toEqual({
      status: 409,
      message: `appid ${P} is already taken`,
    });
    // A body outside the catalogue's schema, as an untyped caller could send it.
    expect(await refusal(control.platforms.create({ colour: 'red' } as never))).toEqual({
      status: 400,
      message: expect.stringMatching(/^invalid body: .*colour/),
    });
  });

  it('accounts: create, get, list, patch, release', async () => {
    const created = await control.accounts.create({
      type: 'miniprogram',
      appid: 'wxembed0000000002',
      nickname: 'Embed MP',
      principal_name: 'Embed Co.',
    });
    expect(created).toEqual({
      appid: 'wxembed0000000002',
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      type: 'miniprogram',
      nickname: 'Embed MP',
      principal_name: 'Embed Co.',
      user_name: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      personal: false,
      overseas: false,
      service_type: null,
      verified: false,
      admin_email: 'admin@wxembed0000000002.example.com',
      ...accountFlagDefaults,
      ip_whitelist: [],
      search_status: 0,
      categories: [{ first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 }],
      init_completed: true,
      permitted_privacy_apis: null,
      visit_status: 'open',
    });
    expect(await control.accounts.get(created.appid)).toEqual(created);
    expect((await control.accounts.list()).accounts.map((account) => account.appid)).toEqual([
      OA,
      MP,
      created.appid,
    ]);
    const patched = await control.accounts.patch(created.appid, { nickname: 'Renamed', search_banned: true });
    expect(patched).toEqual({ ...created, nickname: 'Renamed', search_banned: true });
    expect(await control.accounts.release(created.appid)).toEqual({ ...patched, code_released: true });
  });

  it('accounts: refusals', async () => {
    const unknown = { status: 404, message: 'account wxnotthere not found' };
    expect(await refusal(control.accounts.get('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.accounts.patch('wxnotthere', { nickname: 'x' }))).toEqual(unknown);
    expect(await refusal(control.accounts.create({ type: 'miniprogram', appid: MP }))).toEqual({
      status: 409,
      message: `appid ${MP} is already taken`,
    });
    expect(await refusal(control.accounts.release(OA))).toEqual({
      status: 400,
      message: `${OA} is not a Mini Program`,
    });
  });

  it('code management: a draft uploaded, the code committed, the pending audit decided', async () => {
    expect(await refusal(control.accounts.code('wxnotthere'))).toEqual({
      status: 404,
      message: 'account wxnotthere not found',
    });
    expect(
      await refusal(
        control.platforms.drafts.create('wxnotthere', {
          user_version: '1.0.0',
          pages: ['pages/index/index'],
        }),
      ),
    ).toEqual({
      status: 404,
      message: 'platform wxnotthere not found',
    });
    const draft = await control.platforms.drafts.create(P, {
      user_version: '1.0.0',
      pages: ['pages/index/index'],
    });
    expect(draft).toEqual({ draft_id: expect.any(Number), create_time: await control.clock.now() });
    const { component_access_token } = await componentToken(wx);
    const library = `/wxa/gettemplatelist?access_token=${component_access_token}`;
    expect(await wechat(wx, `/wxa/addtotemplate?access_token=${component_access_token}`, draft)).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    const [template] = (await wechat(wx, library)).template_list as { template_id: number }[];

    const { authorizer_access_token } = await control.authorizations.create({
      component_appid: P,
      authorizer_appid: MP,
      func_info: [18],
    });
    const wxa = (name: string, body: unknown = {}) =>
      wechat(wx, `/wxa/${name}?access_token=${authorizer_access_token}`, body);
    const noAudit = { status: 409, message: `${MP} has no audit pending` };
    expect(await refusal(control.accounts.audit(MP, { result: 'pass' }))).toEqual(noAudit);
    const commit = {
      template_id: template?.template_id,
      ext_json: '{}',
      user_version: '1.0.0',
      user_desc: 'first',
    };
    expect(await wxa('commit', commit)).toEqual({ errcode: 0, errmsg: 'ok' });
    const { auditid } = await wxa('submit_audit');
    expect(auditid).toEqual(expect.any(Number));
    expect(await control.accounts.audit(MP, { result: 'pass' })).toEqual({
      auditid,
      status: 0,
      reason: '',
      screenshot: '',
    });
    expect(await refusal(control.accounts.audit(MP, { result: 'pass' }))).toEqual(noAudit);
    const code = await control.accounts.code(MP);
    expect(code.trial?.user_version).toBe('1.0.0');
    expect(code.audits.map((audit) => [audit.auditid, audit.status])).toEqual([[auditid, 0]]);
    expect(code.online).toBeNull();
  });

  it('authorizations: create, list, revoke, and their refusals', async () => {
    const appid = (await control.accounts.create({ type: 'miniprogram' })).appid;
    const now = await control.clock.now();
    const granted = await control.authorizations.create({
      component_appid: P,
      authorizer_appid: appid,
      func_info: [17, 18],
    });
    expect(granted).toEqual({
      authorization_code: expect.stringMatching(/^queryauthcode@@@/),
      authorization_code_expires_at: expect.closeTo(now + 3600, -1),
      authorizer_access_token: expect.any(String),
      authorizer_refresh_token: expect.stringMatching(/^refreshtoken@@@/),
      expires_in: 7200,
      func_info: [{ funcscope_category: { id: 17 } }, { funcscope_category: { id: 18 } }],
    });
    const active = {
      component_appid: P,
      authorizer_appid: appid,
      status: 'active',
      func_info: [17, 18],
      authorizer_refresh_token: granted.authorizer_refresh_token,
      authorizer_access_token: granted.authorizer_access_token,
      authorizer_access_token_expires_at: expect.closeTo(now + 7200, -1),
      authorized_at: expect.any(Number),
      updated_at: expect.any(Number),
    };
    expect((await control.authorizations.list()).authorizations).toContainEqual(active);
    expect(await control.authorizations.revoke(P, appid)).toEqual({
      ...active,
      status: 'revoked',
      authorizer_refresh_token: null,
      authorizer_access_token: null,
      authorizer_access_token_expires_at: null,
    });

    expect(await refusal(control.authorizations.revoke(P, appid))).toEqual({
      status: 409,
      message: 'the authorization is already revoked',
    });
    expect(await refusal(control.authorizations.revoke(P, 'wxnotthere'))).toEqual({
      status: 404,
      message: `no authorization of ${P} by wxnotthere`,
    });
    expect(
      await refusal(
        control.authorizations.create({
          component_appid: P,
          authorizer_appid: 'wxnotthere',
          func_info: [17],
        }),
      ),
    ).toEqual({ status: 404, message: 'account wxnotthere not found' });
  });

  it('links: the OA admin starts one on the console, the MP admin accepts; refusals on the way', async () => {
    const between = { official_account: OA, miniprogram: MP };
    expect(await refusal(control.links.respond({ ...between, admin: 'miniprogram', accept: true }))).toEqual({
      status: 404,
      message: `no link between ${OA} and ${MP}`,
    });
    const started = await control.links.console(between);
    expect(started).toEqual({
      ...between,
      status: 2,
      origin: 'console',
      notify_users: 0,
      show_profile: 0,
      unlink_pending: false,
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
    });
    expect(
      await refusal(control.links.respond({ ...between, admin: 'official_account', accept: true })),
    ).toEqual({ status: 409, message: 'the invitation awaits the miniprogram admin' });
    const linked = await control.links.respond({ ...between, admin: 'miniprogram', accept: true });
    expect(linked).toEqual({ ...started, status: 1, updated_at: expect.any(Number) });
    expect(await control.links.list()).toEqual({ links: [linked] });
    expect(await refusal(control.links.console(between))).toEqual({
      status: 409,
      message: 'a link between these accounts is already in status 1',
    });
  });

  it("webviewDomains and serverDomains: the MP admin's own domains", async () => {
    expect(await control.webviewDomains.get(MP)).toEqual({
      mp_webviewdomain: [],
      third_webviewdomain: [],
      direct_webviewdomain: [],
      effective_webviewdomain: [],
    });
    // Before the first release, the admin's own business domains are the ones in force.
    expect(await control.webviewDomains.set(MP, { mp_webviewdomain: ['https://h5.example.com'] })).toEqual({
      mp_webviewdomain: ['https://h5.example.com'],
      third_webviewdomain: [],
      direct_webviewdomain: [],
      effective_webviewdomain: ['https://h5.example.com'],
    });

    const none = {
      requestdomain: [],
      wsrequestdomain: [],
      uploaddomain: [],
      downloaddomain: [],
      udpdomain: [],
      tcpdomain: [],
    };
    expect(await control.serverDomains.get(MP)).toEqual({
      mp_domain: none,
      third_domain: none,
      direct_domain: none,
      effective_domain: none,
    });
    const own = { ...none, requestdomain: ['https://api.example.com'] };
    expect(
      await control.serverDomains.set(MP, { mp_domain: { requestdomain: ['https://api.example.com'] } }),
    ).toEqual({ mp_domain: own, third_domain: none, direct_domain: none, effective_domain: own });
  });

  it('webviewDomains and serverDomains: refusals', async () => {
    const unknown = { status: 404, message: 'account wxnotthere not found' };
    expect(await refusal(control.webviewDomains.get('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.serverDomains.get('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.webviewDomains.set(MP, { mp_webviewdomain: ['h5.example.com'] }))).toEqual({
      status: 400,
      message: 'invalid body: h5.example.com is not an https://host entry',
    });
    expect(
      await refusal(
        control.serverDomains.set(MP, { mp_domain: { requestdomain: ['https://api.weixin.qq.com'] } }),
      ),
    ).toEqual({
      status: 400,
      message: 'invalid body: requestdomain entry "https://api.weixin.qq.com" is not allowed',
    });
  });

  it('confirmFiles and hosts: what the web serves and which hosts are ICP-filed', async () => {
    const file = { url: 'https://h5.example.com/abc.txt', content: 'abc' };
    expect(await control.confirmFiles.add(file)).toEqual(file);
    expect(await control.confirmFiles.list()).toEqual({ confirm_files: [file] });
    expect(await control.confirmFiles.remove(file.url)).toEqual({ url: file.url, removed: true });
    expect(await refusal(control.confirmFiles.remove(file.url))).toEqual({
      status: 404,
      message: `nothing is served at ${file.url}`,
    });
    expect(await refusal(control.confirmFiles.add({ ...file, url: 'ftp://h5.example.com/abc.txt' }))).toEqual(
      {
        status: 400,
        message: 'invalid body: url must be an http or https URL',
      },
    );

    expect(await control.hosts.set('h5.example.com', { icp_filed: false })).toEqual({
      host: 'h5.example.com',
      icp_filed: false,
    });
    expect(await control.hosts.list()).toEqual({ hosts: [{ host: 'h5.example.com', icp_filed: false }] });
    expect(await refusal(control.hosts.set('h5.example.com', { icp_filed: 'no' } as never))).toEqual({
      status: 400,
      message: expect.stringMatching(/^invalid body: .*icp_filed/),
    });
  });

  it('qrcode: the blacklist and what a scan opens', async () => {
    expect(await control.qrcode.blacklist.add('bad.example.com')).toEqual({ entry: 'bad.example.com' });
    expect(await control.qrcode.blacklist.list()).toEqual({ blacklist: ['bad.example.com'] });
    expect(await control.qrcode.blacklist.remove('bad.example.com')).toEqual({
      entry: 'bad.example.com',
      removed: true,
    });
    expect(await refusal(control.qrcode.blacklist.remove('bad.example.com'))).toEqual({
      status: 404,
      message: 'bad.example.com is not blacklisted',
    });
    expect(await refusal(control.qrcode.blacklist.add(''))).toEqual({
      status: 400,
      message: expect.stringMatching(/^invalid body: .*entry/),
    });

    expect(await control.qrcode.resolve('https://x.example.com/a', 'user')).toEqual({
      opens: false,
      reason: 'no rule matches this URL',
    });
    expect(await refusal(control.qrcode.resolve('https://x.example.com/a', 'boss' as never))).toEqual({
      status: 400,
      message: 'viewer must be one of developer, admin, tester, user',
    });
  });

  it("what the console shows: QR-code rules, a platform's domain pools, a pre_auth_code to authorize with", async () => {
    expect(await control.qrcode.rules(MP)).toEqual({ rules: [], publishes_left: 100 });
    expect(await control.platforms.domains(P)).toEqual({
      server: { testing: [], published: [] },
      jump: { testing: [], published: [] },
    });
    const issued = await control.platforms.preAuthCode(P);
    expect(issued).toEqual({
      pre_auth_code: expect.stringMatching(/^preauthcode@@@/),
      expires_in: 600,
      authorization_url: `/cgi-bin/componentloginpage?component_appid=${P}&pre_auth_code=${encodeURIComponent(issued.pre_auth_code)}&redirect_uri=${encodeURIComponent(`/_wxlocal/ui/#/platforms/${P}`)}`,
    });
    expect((await fetch(wx.url + issued.authorization_url)).status).toBe(200);

    expect(await refusal(control.qrcode.rules('wxnotthere'))).toEqual({
      status: 404,
      message: 'account wxnotthere not found',
    });
    const unknown = { status: 404, message: 'platform wxnotthere not found' };
    expect(await refusal(control.platforms.domains('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.platforms.preAuthCode('wxnotthere'))).toEqual(unknown);
  });

  it('quota: the API meter of an account and of a component, and their refusals', async () => {
    const { component_access_token } = await componentToken(wx);
    const path = '/cgi-bin/component/api_create_preauthcode';
    await wechat(wx, `${path}?component_access_token=${component_access_token}`, { component_appid: P });
    const meter = await control.platforms.quota(P);
    expect(meter.counters.find((counter) => counter.cgi_path === path)).toEqual({
      cgi_path: path,
      daily_limit: 100000,
      used: 1,
      remain: 99999,
      enforced: false,
    });
    const limited = await control.platforms.setQuota(P, { cgi_path: path, daily_limit: 1 });
    expect(limited.counters.find((counter) => counter.cgi_path === path)?.enforced).toBe(true);
    const answered = await wechat(wx, `${path}?component_access_token=${component_access_token}`, {
      component_appid: P,
    });
    expect(answered.errcode).toBe(45009);
    expect((await control.accounts.setQuota(MP, { api_clears_used: 2 })).api_clears).toEqual({
      used: 2,
      limit: 50,
    });
    expect((await control.accounts.quota(MP)).appid).toBe(MP);

    const unknown = { status: 404, message: 'platform wxnotthere not found' };
    expect(await refusal(control.platforms.quota('wxnotthere'))).toEqual(unknown);
    expect(await refusal(control.platforms.setQuota('wxnotthere', { clears_used: 1 }))).toEqual(unknown);
    expect(await refusal(control.accounts.quota('wxnotthere'))).toEqual({
      status: 404,
      message: 'account wxnotthere not found',
    });
    expect(await refusal(control.accounts.setQuota(MP, { cgi_path: '/wxa/nothing', used: 1 }))).toEqual({
      status: 400,
      message: '/wxa/nothing is not an API wxlocal serves',
    });
  });

  it('requests and pushes: the logs of calls and of pushes', async () => {
    const token = await componentToken(wx);
    expect(token).toEqual({ component_access_token: expect.any(String), expires_in: 7200 });
    expect(await control.requests.list({ limit: 1 })).toEqual({
      requests: [
        {
          time: expect.any(Number),
          method: 'POST',
          path: '/cgi-bin/component/api_component_token',
          endpoint: 'getComponentAccessToken',
          appid: P,
          errcode: 0,
          rid: expect.stringMatching(RID),
        },
      ],
    });
    // The demo platform has no callback: nothing is pushed.
    expect(await control.pushes.list()).toEqual({ pushes: [] });

    const badLimit = { status: 400, message: 'limit must be a positive integer' };
    expect(await refusal(control.requests.list({ limit: 0 }))).toEqual(badLimit);
    expect(await refusal(control.pushes.list({ limit: 0 }))).toEqual(badLimit);
  });

  it('requests: filtered, and one call with what it carried and got, secrets cut', async () => {
    await wechat(wx, '/wxa/getwxasearchstatus?access_token=nope');
    await componentToken(wx);
    const filter = { endpoint: 'getComponentAccessToken', errcode: 0 };
    const [call] = (await control.requests.list(filter)).requests;
    expect(call).toMatchObject({ endpoint: 'getComponentAccessToken', appid: P, errcode: 0 });
    expect(await control.requests.list({ appid: P, errcode: 40001 })).toEqual({ requests: [] });
    const ticket = (await wx.control.platforms.ticket(P)).verify_ticket;
    expect(await control.requests.get(call?.rid ?? '')).toEqual({
      ...call,
      request: {
        query: {},
        body: JSON.stringify({
          component_appid: P,
          component_appsecret: `${DEMO.platform.secret.slice(0, 6)}…`,
          component_verify_ticket: `${ticket.slice(0, 6)}…`,
        }),
      },
      answer: { component_access_token: expect.stringMatching(/^.{6}…$/), expires_in: 7200 },
    });
    expect(await refusal(control.requests.get('00000000-00000000-00000000'))).toEqual({
      status: 404,
      message: 'not found',
    });
  });

  it('events: a call as it happens, until the signal aborts', async () => {
    const stop = new AbortController();
    const calls: ControlEvent[] = [];
    const reading = control.events(
      (event) => {
        if (event.type !== 'call') return;
        calls.push(event);
        stop.abort();
      },
      { signal: stop.signal },
    );
    // The stream is open once a call made now is seen.
    while (calls.length === 0) {
      await wechat(wx, '/wxa/getwxasearchstatus?access_token=nope');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await reading;
    expect(calls[0]).toEqual({
      type: 'call',
      data: {
        time: expect.any(Number),
        method: 'POST',
        path: '/wxa/getwxasearchstatus',
        endpoint: 'getSearchStatus',
        appid: null,
        errcode: 40001,
        rid: expect.stringMatching(RID),
      },
    });
  });

  it('faults: an injected error is what the next call answers', async () => {
    const { authorizer_access_token } = await control.authorizations.create({
      component_appid: P,
      authorizer_appid: MP,
      func_info: [18],
    });
    const searchStatus = () => wechat(wx, `/wxa/getwxasearchstatus?access_token=${authorizer_access_token}`);
    const fault = await control.faults.inject({ endpoint: 'getSearchStatus', errcode: -1 });
    expect(fault).toMatchObject({ endpoint: 'getSearchStatus', errcode: -1, count: 1, remaining: 1 });
    expect(await control.faults.list()).toEqual({ faults: [fault] });
    expect(await searchStatus()).toEqual({
      errcode: -1,
      errmsg: expect.stringMatching(/^system error rid: /),
    });
    expect(await searchStatus()).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });

    expect(
      await control.faults.inject({ endpoint: '/wxa/getwxasearchstatus', errcode: 45009, count: 2 }),
    ).toMatchObject({
      endpoint: 'getSearchStatus',
      errcode: 45009,
      remaining: 2,
    });
    const token = await control.faults.inject({ endpoint: 'getComponentAccessToken', errcode: -1 });
    expect(await control.faults.clear({ endpoint: '/wxa/getwxasearchstatus' })).toEqual({ faults: [token] });
    const gateway = await control.faults.inject({ status: 503, count: null });
    expect(await control.faults.remove(gateway.id)).toEqual(gateway);
    expect(await control.faults.list()).toEqual({ faults: [token] });
    expect(await control.faults.clear()).toEqual({ faults: [] });
    expect(await control.faults.list()).toEqual({ faults: [] });
    expect(await searchStatus()).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });

    expect(await refusal(control.faults.inject({ endpoint: 'nope', errcode: -1 }))).toEqual({
      status: 400,
      message: 'endpoint: unknown interface "nope" (an interface name, a path or "*")',
    });
    expect(await refusal(control.faults.inject({ endpoint: 'getSearchStatus', errcode: 123456 }))).toEqual({
      status: 400,
      message: 'errcode: 123456 is not in the error catalogue',
    });
    expect(await refusal(control.faults.remove(gateway.id))).toEqual({
      status: 404,
      message: `no fault rule ${gateway.id}`,
    });
  });

  it('clock: now, advance, set, and the range it stays in', async () => {
    const now = await control.clock.now();
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
    expect(await control.clock.advance(3600)).toBeGreaterThanOrEqual(now + 3600);
    expect(await control.clock.now()).toBeGreaterThanOrEqual(now + 3600);
    const newYear = Date.UTC(2030, 0, 1) / 1000;
    expect(await control.clock.set(newYear)).toBe(newYear);

    expect(await refusal(control.clock.set(1))).toEqual({ status: 400, message: OUT_OF_RANGE });
    expect(await refusal(control.clock.advance(100 * 365 * 86400))).toEqual({
      status: 400,
      message: OUT_OF_RANGE,
    });
    expect(await control.clock.now()).toBeLessThan(newYear + 5);
  });

  it('snapshots: take, list, restore, drop, from the client and from the snapshot itself', async () => {
    const before = await control.accounts.get(MP);
    const snapshot = await control.snapshots.take();
    expect(snapshot).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      created_at: expect.any(Number),
      restore: expect.any(Function),
      drop: expect.any(Function),
    });
    expect((await control.snapshots.list()).map(({ id, created_at }) => ({ id, created_at }))).toContainEqual(
      {
        id: snapshot.id,
        created_at: snapshot.created_at,
      },
    );

    await control.accounts.patch(MP, { nickname: 'Changed' });
    expect(await control.snapshots.restore(snapshot.id)).toBeUndefined();
    expect(await control.accounts.get(MP)).toEqual(before);
    await control.accounts.patch(MP, { nickname: 'Changed again' });
    await snapshot.restore();
    expect(await control.accounts.get(MP)).toEqual(before);

    const other = await control.snapshots.take();
    expect(await control.snapshots.drop(other.id)).toBeUndefined();
    await snapshot.drop();
    const left = (await control.snapshots.list()).map(({ id }) => id);
    expect(left).not.toContain(snapshot.id);
    expect(left).not.toContain(other.id);

    expect(await refusal(control.snapshots.restore(snapshot.id))).toEqual({
      status: 404,
      message: `no snapshot ${snapshot.id}`,
    });
    expect(await refusal(control.snapshots.restore('nope'))).toEqual({
      status: 404,
      message: 'no snapshot nope',
    });
    expect(await refusal(control.snapshots.drop('nope'))).toEqual({
      status: 404,
      message: 'no snapshot nope',
    });
  });

  it('state: export, import, and a document that is not one', async () => {
    const document = await control.state.export();
    expect(document).toEqual({
      format: 'wxlocal-state',
      version: 1,
      clock_offset_ms: 0,
      tables: expect.objectContaining({ platforms: expect.any(Array), accounts: expect.any(Array) }),
    });
    await control.accounts.patch(MP, { nickname: 'Changed' });
    expect(await control.state.import(document)).toEqual({ status: 'ok', now: expect.any(Number) });
    expect((await control.accounts.get(MP)).nickname).toBe('wxlocal Demo Mini Program');

    expect(await refusal(control.state.import({ ...document, version: 2 } as never))).toEqual({
      status: 400,
      message: expect.stringMatching(/^invalid body: .*version/),
    });
    expect(await refusal(control.state.import({ ...document, tables: { nope: [] } }))).toEqual({
      status: 400,
      message: 'invalid state: unknown tables nope',
    });
  });

  it('reset: wipes everything, the demo seed too', async () => {
    const fresh = await startWxlocal();
    try {
      const reset = tracked(fresh.control).reset;
      expect(await reset()).toEqual({ status: 'ok', now: expect.any(Number) });
      expect(await fresh.control.platforms.list()).toEqual({ platforms: [] });
      expect(await fresh.control.accounts.list()).toEqual({ accounts: [] });
    } finally {
      await fresh.close();
    }
  });
});

describe('off loopback, the control plane needs the admin token', () => {
  it('with it every call is served; without it every method rejects with 401', async () => {
    const wx = await startWxlocal({ host: '0.0.0.0' });
    try {
      expect(wx.adminToken).toEqual(expect.any(String));
      expect((await wx.control.health()).status).toBe('ok');
      const url = wx.url.replace('//0.0.0.0:', '//127.0.0.1:');
      expect((await connectWxlocal(url, { adminToken: wx.adminToken }).control.health()).status).toBe('ok');

      const withoutToken = tracked(connectWxlocal(url).control);
      for (const [name, method] of methodsOf(withoutToken)) {
        expect(await refusal(method('wxany', 'wxany')), name).toEqual({
          status: 401,
          message:
            'the control plane needs Authorization: Bearer <admin token> (printed at start, or --admin-token)',
        });
      }
    } finally {
      await wx.close();
    }
  });
});

describe('the client as a whole', () => {
  it('every method of the client was seen above both answering and refusing', () => {
    const missing = methodsOf(controlClient('http://127.0.0.1:9')).flatMap(([name]) =>
      (['answered', 'refused'] as const)
        .filter((outcome) => !outcomes.get(name)?.has(outcome))
        .map((outcome) => `${name} never ${outcome}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('two instances in one process', () => {
  let callbacks: Server;
  const received: string[] = [];
  let a: Wxlocal;
  let b: Wxlocal;
  beforeAll(async () => {
    callbacks = createServer((request, response) => {
      received.push(request.url ?? '');
      request.resume().on('end', () => response.end('success'));
    });
    await new Promise<void>((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => callbacks.close(() => resolve())));
  beforeEach(async () => {
    const at = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}`;
    a = await startWxlocal({ callback: `${at}/a` });
    b = await startWxlocal({ callback: `${at}/b` });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('each has its own port and state: a write in one is invisible in the other', async () => {
    expect(a.url).not.toBe(b.url);
    const created = await a.control.accounts.create({ type: 'miniprogram', appid: 'wxonlyina' });
    expect(await refusal(b.control.accounts.get('wxonlyina'))).toEqual({
      status: 404,
      message: 'account wxonlyina not found',
    });
    // The same appid can be created in the other, with a secret of its own.
    const other = await b.control.accounts.create({ type: 'miniprogram', appid: 'wxonlyina' });
    expect(other.secret).not.toBe(created.secret);
    expect((await a.control.accounts.get('wxonlyina')).secret).toBe(created.secret);
  });

  it('their clocks move separately', async () => {
    const before = await b.control.clock.now();
    expect(await a.control.clock.advance(3600)).toBeGreaterThanOrEqual(before + 3600);
    expect((await b.control.clock.now()) - before).toBeLessThan(5);
    expect((await a.control.clock.now()) - before).toBeGreaterThanOrEqual(3600);
  });

  it('each has its own request journal and faults', async () => {
    await a.control.faults.inject({ endpoint: 'getComponentAccessToken', errcode: -1 });
    expect(await b.control.faults.list()).toEqual({ faults: [] });
    expect((await componentToken(b)).expires_in).toBe(7200);
    expect((await componentToken(a)).errcode).toBe(-1);

    const calls = async (wx: Wxlocal) =>
      (await wx.control.requests.list()).requests.map(({ endpoint, errcode }) => ({ endpoint, errcode }));
    expect(await calls(a)).toEqual([{ endpoint: 'getComponentAccessToken', errcode: -1 }]);
    expect(await calls(b)).toEqual([{ endpoint: 'getComponentAccessToken', errcode: 0 }]);
  });

  it('each pushes to its own callback and keeps its own push log', async () => {
    await a.control.authorizations.revoke(P, MP);
    const pushed = async (wx: Wxlocal) =>
      (await wx.control.pushes.list()).pushes.map(
        ({ info_type, url }) => `${info_type} ${new URL(url).pathname}`,
      );
    await expect.poll(() => pushed(a)).toContain('unauthorized /a');
    expect(await pushed(b)).not.toContain('unauthorized /b');
    expect((await pushed(b)).every((push) => push.endsWith(' /b'))).toBe(true);
    expect((await pushed(a)).every((push) => push.endsWith(' /a'))).toBe(true);
  });
});

describe('close()', () => {
  it('releases the port: connecting afterwards fails, and the port can be listened on again', async () => {
    const wx = await startWxlocal();
    const port = Number(new URL(wx.url).port);
    await wx.close();
    await expect(fetch(`${wx.url}/_wxlocal/health`)).rejects.toThrow(TypeError);
    await expect(wx.control.health()).rejects.toThrow(TypeError);

    const again = await startWxlocal({ port });
    expect(again.url).toBe(wx.url);
    await again.close();
  });

  it('leaves nothing that keeps the process alive', async () => {
    const script = `import { startWxlocal } from ${JSON.stringify(DIST)};
const wx = await startWxlocal();
await wx.close();`;
    // A timer or socket left open would keep the child running until it is killed (code null).
    const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { timeout: 10_000 },
        (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(exit).toEqual({ code: 0, stderr: '' });
  });
});

describe('connectWxlocal', () => {
  it('drives an emulator started elsewhere through the same control client', async () => {
    const wx = await startWxlocal();
    try {
      const remote = connectWxlocal(`${wx.url}/`);
      expect(remote.url).toBe(wx.url);
      const created = await remote.control.accounts.create({ type: 'official_account', appid: 'wxremote' });
      expect(await wx.control.accounts.get('wxremote')).toEqual(created);
      const now = await remote.control.clock.advance(86400);
      expect(await wx.control.clock.now()).toBeGreaterThanOrEqual(now);
      expect(await refusal(remote.control.accounts.get('wxnotthere'))).toEqual({
        status: 404,
        message: 'account wxnotthere not found',
      });
    } finally {
      await wx.close();
    }
  });
});
