import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ControlClient,
  ControlPlaneError,
  DEMO,
  type Snapshot,
  startWxlocal,
  type Wxlocal,
} from '../src/index.js';

// README "Snapshots and state": a snapshot, or the state document, brings back every area exactly as it
// answered: tokens, quotas, links, domains, QR-code rules and the clock.

type Answer = Record<string, unknown> & { errcode?: number; errmsg?: string };
interface Instance {
  url: string;
  control: ControlClient;
}
interface Tokens {
  component: string;
  mp: string;
  oa: string;
}

/** A WeChat API call, as an SDK sends it. */
async function call(wx: Instance, path: string, token: string, body: unknown = {}): Promise<Answer> {
  const response = await fetch(`${wx.url}${path}?access_token=${token}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return (await response.json()) as Answer;
}

/** An error answer without its rid, which differs from call to call. */
const withoutRid = ({ errmsg, ...answer }: Answer) => ({
  ...answer,
  errmsg: errmsg?.replace(/ rid: .*$/, ''),
});
const OK = { errcode: 0, errmsg: 'ok' };
const QR = 'https://weixin.example.com/qr';
const SUBJECT = 'Snapshot Co., Ltd.';

let wx: Wxlocal;
let tokens: Tokens;
let platform: { appid: string; secret: string };
let mp: string;
let oa: string;
let fourteenth: string;
let mpRefreshToken: string;
let oaRefreshToken: string;

/** The QR-code jump family allows 5 calls an emulated second: each call gets a second of its own. */
async function qr(op: string, body: unknown, token = tokens.mp, on: Instance = wx) {
  await on.control.clock.advance(1);
  return call(on, `/cgi-bin/wxopen/qrcodejump${op}`, token, body);
}
const invite = (appid: string, token = tokens.oa, on: Instance = wx) =>
  call(on, '/cgi-bin/wxopen/wxamplink', token, { appid, notify_users: 1, show_profile: 1 });
const answer = (miniprogram: string, admin: 'official_account' | 'miniprogram', accept: boolean) =>
  wx.control.links.respond({ official_account: oa, miniprogram, admin, accept });

async function componentToken(on: Instance = wx): Promise<string> {
  const { verify_ticket } = await on.control.platforms.ticket(platform.appid);
  const answer = await call(on, '/cgi-bin/component/api_component_token', '', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: verify_ticket,
  });
  return answer.component_access_token as string;
}

async function authorizerToken(appid: string, refreshToken: string, component: string): Promise<string> {
  const answer = await call(wx, '/cgi-bin/component/api_authorizer_token', component, {
    component_appid: platform.appid,
    authorizer_appid: appid,
    authorizer_refresh_token: refreshToken,
  });
  return answer.authorizer_access_token as string;
}

/** What every area answers: the WeChat API's read endpoints and the control plane's listings. */
async function reads(on: Instance, as: Tokens = tokens) {
  const { control } = on;
  return {
    searchStatus: await call(on, '/wxa/getwxasearchstatus', as.mp),
    links: await call(on, '/cgi-bin/wxopen/wxamplinkget', as.oa),
    fourteenthLink: withoutRid(await invite(fourteenth, as.oa, on)),
    businessDomains: await call(on, '/wxa/get_effective_webviewdomain', as.mp),
    serverDomains: await call(on, '/wxa/get_effective_domain', as.mp),
    serverDomainPool: await call(on, '/cgi-bin/component/modify_wxa_server_domain', as.component, {
      action: 'get',
    }),
    qrRules: await qr('get', {}, as.mp, on),
    control: {
      platforms: await control.platforms.list(),
      accounts: await control.accounts.list(),
      authorizations: await control.authorizations.list(),
      links: await control.links.list(),
      webviewDomains: await control.webviewDomains.get(mp),
      serverDomains: await control.serverDomains.get(mp),
      confirmFiles: await control.confirmFiles.list(),
      hosts: await control.hosts.list(),
      blacklist: await control.qrcode.blacklist.list(),
    },
  };
}

/**
 * The state once the pruner, which runs every second, has dropped the history no call can see any more (here the
 * expired authorization codes of the demo seed and the QR-code calls' per-second counters), so that it stays
 * the same while nothing is called.
 */
/**
 * The demo platform's tickets rotate every 600 s from when it was seeded, at any phase of the set clock: when
 * the next rotation is less than two minutes away, the clock goes past it, so that no ticket changes while
 * the tests compare what they read.
 */
async function pastNearTicketRotation(control: ControlClient): Promise<void> {
  const { expires_at } = await control.platforms.ticket(DEMO.platform.appid);
  const nextRotation = expires_at - 12 * 3600 + 600;
  if (nextRotation - (await control.clock.now()) < 120) await control.clock.set(nextRotation + 1);
}

async function settledState(on: Instance) {
  let state = await on.control.state.export();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await on.control.state.export();
    if (isDeepStrictEqual(again, state)) return state;
    state = again;
  }
}

let built: Snapshot;
let before: Awaited<ReturnType<typeof reads>>;
let clockBefore: number;

beforeAll(async () => {
  wx = await startWxlocal();
  const { control } = wx;
  // 2027-03-31 15:00 UTC, 23:00 in China: an hour before the monthly quotas start over.
  await control.clock.set(Date.UTC(2027, 2, 31, 15) / 1000);
  await pastNearTicketRotation(control);

  // The demo world, plus a platform, a Mini Program and an Official Account of our own (see helpers' createWorld).
  platform = await control.platforms.create({ published: true });
  mp = (await control.accounts.create({ type: 'miniprogram', principal_name: SUBJECT })).appid;
  oa = (await control.accounts.create({ type: 'official_account', principal_name: SUBJECT })).appid;
  const mpGrant = await control.authorizations.create({
    component_appid: platform.appid,
    authorizer_appid: mp,
    func_info: [18],
  });
  const oaGrant = await control.authorizations.create({
    component_appid: platform.appid,
    authorizer_appid: oa,
    func_info: [1, 3, 33],
  });
  mpRefreshToken = mpGrant.authorizer_refresh_token;
  oaRefreshToken = oaGrant.authorizer_refresh_token;
  tokens = {
    component: await componentToken(),
    mp: mpGrant.authorizer_access_token,
    oa: oaGrant.authorizer_access_token,
  };

  // Search status.
  expect(await call(wx, '/wxa/changewxasearchstatus', tokens.mp, { status: 1 })).toEqual(OK);

  // A link, accepted by both admins; then 12 invitations the OA admin refuses: 13 of the month's 13.
  expect(await invite(mp)).toEqual(OK);
  await answer(mp, 'official_account', true);
  await answer(mp, 'miniprogram', true);
  for (let i = 0; i < 12; i++) {
    const other = (await control.accounts.create({ type: 'miniprogram', principal_name: SUBJECT })).appid;
    expect(await invite(other)).toEqual(OK);
    await answer(other, 'official_account', false);
  }
  fourteenth = (await control.accounts.create({ type: 'miniprogram', principal_name: SUBJECT })).appid;
  expect(withoutRid(await invite(fourteenth))).toEqual({ errcode: 89007, errmsg: 'wxa quota limit' });

  // Business domains: the admin's own, and one the component adds once the web serves its confirm file.
  await control.webviewDomains.set(mp, { mp_webviewdomain: ['https://own.example.com'] });
  const webviewFile = await call(wx, '/wxa/get_webviewdomain_confirmfile', tokens.mp);
  await control.confirmFiles.add({
    url: `https://h5.example.com/${webviewFile.file_name}`,
    content: webviewFile.file_content as string,
  });
  expect(
    await call(wx, '/wxa/setwebviewdomain_directly', tokens.mp, {
      action: 'add',
      webviewdomain: ['https://h5.example.com'],
    }),
  ).toEqual(OK);

  // Server domains: the component's pool, the third-party set, the direct set and the admin's own.
  await call(wx, '/cgi-bin/component/modify_wxa_server_domain', tokens.component, {
    action: 'set',
    wxa_server_domain: 'api.example.com;ws.example.com',
    is_modify_published_together: true,
  });
  expect(
    (
      await call(wx, '/wxa/modify_domain', tokens.mp, {
        action: 'add',
        requestdomain: ['https://api.example.com'],
      })
    ).errcode,
  ).toBe(0);
  expect(
    (
      await call(wx, '/wxa/modify_domain_directly', tokens.mp, {
        action: 'add',
        requestdomain: ['https://direct.example.com'],
      })
    ).errcode,
  ).toBe(0);
  await control.serverDomains.set(mp, { mp_domain: { downloaddomain: ['https://cdn.example.com'] } });

  // QR-code rules: two published (98 of the month's 100 publishes left), one not.
  const qrFile = await qr('download', {});
  await control.confirmFiles.add({
    url: `https://weixin.example.com/${qrFile.file_name}`,
    content: qrFile.file_content as string,
  });
  await control.accounts.release(mp);
  for (const prefix of [`${QR}-a`, `${QR}-b`, `${QR}-c`]) {
    const rule = {
      prefix,
      permit_sub_rule: 1,
      path: 'pages/index/index',
      open_version: 1,
      debug_url: [],
      is_edit: 0,
    };
    expect(await qr('add', rule)).toEqual(OK);
  }
  expect(await qr('publish', { prefix: `${QR}-a` })).toEqual(OK);
  expect(await qr('publish', { prefix: `${QR}-b` })).toEqual(OK);

  // And a little of everything else the control plane sets.
  await control.hosts.set('nofiling.example.com', { icp_filed: false });
  await control.qrcode.blacklist.add('blocked.example.com');

  before = await reads(wx);
  expect(before.qrRules).toMatchObject({ total_count: 3, qrcodejump_pub_quota: 98 });
  expect(before.searchStatus).toEqual({ status: 1, ...OK });
  built = await control.snapshots.take();
  clockBefore = await control.clock.now();
}, 60_000);
afterAll(() => wx.close());

describe('snapshot → changes → restore', () => {
  let snapshot: Snapshot;
  let later: Tokens;
  beforeAll(async () => {
    await built.restore();
    snapshot = await wx.control.snapshots.take();
    const { control } = wx;

    // An hour later it is April in China: the monthly quotas start over.
    await control.clock.advance(3600);
    const component = await componentToken();
    later = {
      component,
      mp: await authorizerToken(mp, mpRefreshToken, component),
      oa: await authorizerToken(oa, oaRefreshToken, component),
    };
    expect(await invite(fourteenth, later.oa)).toEqual(OK);
    expect(await call(wx, '/wxa/changewxasearchstatus', later.mp, { status: 0 })).toEqual(OK);
    expect(await call(wx, '/cgi-bin/wxopen/wxampunlink', later.oa, { appid: mp })).toEqual(OK);
    await call(wx, '/wxa/setwebviewdomain_directly', later.mp, { action: 'set', webviewdomain: [] });
    await control.webviewDomains.set(mp, { mp_webviewdomain: [] });
    await call(wx, '/wxa/modify_domain_directly', later.mp, { action: 'set' });
    await call(wx, '/cgi-bin/component/modify_wxa_server_domain', later.component, {
      action: 'set',
      wxa_server_domain: 'other.example.com',
      is_modify_published_together: true,
    });
    await control.serverDomains.set(mp, { mp_domain: {} });
    expect(await qr('publish', { prefix: `${QR}-c` }, later.mp)).toEqual(OK);
    expect(await qr('delete', { prefix: `${QR}-a` }, later.mp)).toEqual(OK);
    await control.hosts.set('nofiling.example.com', { icp_filed: true });
    await control.qrcode.blacklist.remove('blocked.example.com');
    await control.accounts.patch(mp, { nickname: 'Changed' });
    await control.accounts.create({ type: 'official_account' });
    await control.authorizations.revoke(platform.appid, oa);
    await control.authorizations.create({
      component_appid: platform.appid,
      authorizer_appid: oa,
      func_info: [33],
    });
    await control.platforms.patch(platform.appid, { name: 'Changed' });
    await control.confirmFiles.add({ url: 'https://later.example.com/file.txt', content: 'later' });
    // A new release puts the changed domains in force.
    await control.accounts.release(mp);

    // Every area now answers otherwise.
    const changed = await reads(wx, later);
    for (const area of Object.keys(before) as (keyof typeof before)[]) {
      if (area !== 'control') expect(changed[area], area).not.toEqual(before[area]);
    }
    for (const area of Object.keys(before.control) as (keyof typeof before.control)[]) {
      expect(changed.control[area], area).not.toEqual(before.control[area]);
    }

    await snapshot.restore();
  }, 60_000);

  it('every area answers exactly as it did before the snapshot', async () => {
    expect(await reads(wx)).toEqual(before);
  });

  it('the quotas used are used again: the 14th link of the month and the QR-code publishes', async () => {
    const { fourteenthLink, qrRules } = await reads(wx);
    expect(fourteenthLink).toEqual({ errcode: 89007, errmsg: 'wxa quota limit' });
    expect(qrRules.qrcodejump_pub_quota).toBe(98);
  });

  it('tokens valid before are valid again; tokens issued after answer 40001', async () => {
    expect(await call(wx, '/wxa/getwxasearchstatus', tokens.mp)).toEqual({ status: 1, ...OK });
    expect((await call(wx, '/cgi-bin/wxopen/wxamplinkget', tokens.oa)).errcode).toBe(0);
    expect(await authorizerToken(mp, mpRefreshToken, tokens.component)).toEqual(expect.any(String));

    expect((await call(wx, '/wxa/getwxasearchstatus', later.mp)).errcode).toBe(40001);
    expect((await call(wx, '/cgi-bin/wxopen/wxamplinkget', later.oa)).errcode).toBe(40001);
    const withLaterComponent = await call(wx, '/cgi-bin/component/api_authorizer_token', later.component, {
      component_appid: platform.appid,
      authorizer_appid: mp,
      authorizer_refresh_token: mpRefreshToken,
    });
    expect(withLaterComponent.errcode).toBe(40001);
  });

  it('the clock is back', async () => {
    const now = await wx.control.clock.now();
    expect(now - snapshot.created_at).toBeGreaterThanOrEqual(0);
    expect(now - snapshot.created_at).toBeLessThan(60);
  });
});

describe('the state document', () => {
  beforeEach(() => built.restore());

  it('exported, then imported into a fresh instance: the same answers', async () => {
    const document = await wx.control.state.export();
    const fresh = await startWxlocal({ demo: false });
    try {
      expect(await fresh.control.state.import(document)).toEqual({ status: 'ok', now: expect.any(Number) });
      expect(Math.abs((await fresh.control.clock.now()) - clockBefore)).toBeLessThan(60);
      expect(await reads(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
  });

  it('startWxlocal({ state }) starts from a document, or from its file', async () => {
    const document = await wx.control.state.export();
    const directory = mkdtempSync(join(tmpdir(), 'wxlocal-state-'));
    const file = join(directory, 'state.json');
    writeFileSync(file, JSON.stringify(document));
    try {
      for (const state of [document, file]) {
        const fresh = await startWxlocal({ state });
        try {
          expect(await reads(fresh)).toEqual(before);
        } finally {
          await fresh.close();
        }
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a document that is not right answers 400 and changes nothing', async () => {
    const document = await settledState(wx);
    const { accounts, platforms, ...otherTables } = document.tables;
    const wrong: [string, unknown, RegExp][] = [
      ['another version', { ...document, version: 2 }, /^invalid body: .*version/],
      ['another format', { ...document, format: 'something-else' }, /^invalid body: .*format/],
      ['no tables', { ...document, tables: undefined }, /^invalid body: .*tables/],
      [
        'an unknown table',
        { ...document, tables: { ...document.tables, nope: [] } },
        /^invalid state: unknown tables nope$/,
      ],
      [
        'a table that is not a list',
        { ...document, tables: { ...document.tables, accounts: 'x' } },
        /^invalid body: .*accounts/,
      ],
      [
        'a row with an unknown column',
        { ...document, tables: { ...document.tables, hosts: [{ host: 'x.example.com', colour: 'red' }] } },
        /^invalid state: .*colour/,
      ],
      [
        // Every table but one is fine: those replaced before the failure must come back too.
        'a row that misses a required column',
        { ...document, tables: { ...otherTables, accounts, platforms: [{ appid: 'wxbroken' }] } },
        /^invalid state: .*platforms/,
      ],
      [
        'a clock outside 2000..2099',
        { ...document, clock_offset_ms: 100 * 365 * 86_400_000 },
        /^invalid state: clock_offset_ms/,
      ],
    ];
    for (const [what, body, message] of wrong) {
      const refused = await wx.control.state.import(body as typeof document).catch((error) => error);
      expect(refused, what).toBeInstanceOf(ControlPlaneError);
      expect({ status: refused.status, message: refused.message }, what).toEqual({
        status: 400,
        message: expect.stringMatching(message),
      });
      expect(await wx.control.state.export(), what).toEqual(document);
    }
    expect(await reads(wx)).toEqual(before);
  });
});

describe('snapshots of an emulator on a data file', () => {
  it('restore puts the rows back, and the restored state is what a restart finds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-snapshot-'));
    const file = join(dir, 'state.db');
    try {
      let wx = await startWxlocal({ file });
      const before = (await wx.control.accounts.list()).accounts.map((account) => account.appid);
      const snapshot = await wx.control.snapshots.take();
      await wx.control.accounts.create({ type: 'miniprogram' });
      await wx.control.clock.advance(3600);
      await snapshot.restore();
      expect((await wx.control.accounts.list()).accounts.map((account) => account.appid)).toEqual(before);
      await wx.close();
      wx = await startWxlocal({ file });
      expect((await wx.control.accounts.list()).accounts.map((account) => account.appid)).toEqual(before);
      await wx.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
