import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const link = (body: unknown, token = w.oaToken) =>
  h.call('POST', `/cgi-bin/wxopen/wxamplink?access_token=${token}`, body);
const unlink = (body: unknown, token = w.oaToken) =>
  h.call('POST', `/cgi-bin/wxopen/wxampunlink?access_token=${token}`, body);
const list = async (token = w.oaToken) =>
  (await h.post(`/cgi-bin/wxopen/wxamplinkget?access_token=${token}`, {})).json;
const respond = (
  miniprogram: string,
  admin: 'official_account' | 'miniprogram',
  accept: boolean,
  oa = w.officialAccount.appid,
) => h.post('/_wxlocal/links/respond', { official_account: oa, miniprogram, admin, accept });
const flag = (appid: string, flags: Record<string, unknown>) =>
  h.call('PATCH', `/_wxlocal/accounts/${appid}`, flags);
const newMiniProgram = async (fields: Record<string, unknown> = {}) =>
  (await h.post('/_wxlocal/accounts', { type: 'miniprogram', ...fields })).json.appid as string;
const OK = { errcode: 0, errmsg: 'ok' };
const invite = (appid: string) => link({ appid, notify_users: 1, show_profile: 1 });

/** Walks an invitation through both admins to status 1. */
async function linked(appid: string) {
  expect((await invite(appid)).json).toEqual(OK);
  await respond(appid, 'official_account', true);
  await respond(appid, 'miniprogram', true);
}

describe('the two-admin flow', () => {
  it('12 → 2 → 1, as wxamplinkget shows it', async () => {
    const mp = w.miniProgram.appid;
    expect(await list()).toEqual({ errcode: 0, errmsg: 'ok', wxopens: { items: [] } });
    const sent = await link({ appid: mp, notify_users: '1', show_profile: '1' });
    expect(sent.text).toBe('{"errcode":0,"errmsg":"ok"}');
    const account = (await h.get(`/_wxlocal/accounts/${mp}`)).json;
    const pendingItem = {
      status: 12,
      username: account.user_name,
      source: 'SOURCE_NORMAL',
      nickname: account.nickname,
      headimg_url: `http://wx.qlogo.cn/mmopen/${mp}/0`,
      func_infos: [],
    };
    expect((await list()).wxopens.items).toEqual([pendingItem]);

    expect((await respond(mp, 'miniprogram', true)).status).toBe(409);
    expect((await respond(mp, 'official_account', true)).json).toMatchObject({ status: 2, origin: 'api' });
    expect((await list()).wxopens.items).toEqual([{ ...pendingItem, status: 2 }]);

    await flag(mp, { code_released: true, pay_enabled: true, verified: true });
    expect((await respond(mp, 'miniprogram', true)).json).toMatchObject({
      status: 1,
      show_profile: 1,
      notify_users: 1,
    });
    const [item] = (await list()).wxopens.items;
    expect(item).toEqual({
      status: 1,
      username: account.user_name,
      appid: mp,
      source: 'SOURCE_NORMAL',
      nickname: account.nickname,
      selected: 1,
      nearby_display_status: 0,
      released: 1,
      headimg_url: `http://wx.qlogo.cn/mmopen/${mp}/0`,
      func_infos: [
        { status: 1, id: 1, name: '微信认证' },
        { status: 1, id: 2, name: '微信支付' },
      ],
      email: account.admin_email,
    });
    expect((await respond(mp, 'miniprogram', true)).status).toBe(409);
  });

  it('the MP admin refuses: status 3, and a new wxamplink starts over at 12', async () => {
    const mp = w.miniProgram.appid;
    await invite(mp);
    await respond(mp, 'official_account', true);
    expect((await respond(mp, 'miniprogram', false)).json.status).toBe(3);
    expect((await list()).wxopens.items.map((i: { status: number }) => i.status)).toEqual([3]);
    expect((await invite(mp)).json).toEqual(OK);
    expect((await list()).wxopens.items.map((i: { status: number }) => i.status)).toEqual([12]);
  });

  it('the OA admin refuses: the invitation is gone', async () => {
    await invite(w.miniProgram.appid);
    expect((await respond(w.miniProgram.appid, 'official_account', false)).json).toMatchObject({
      removed: true,
    });
    expect((await list()).wxopens.items).toEqual([]);
    expect((await h.get('/_wxlocal/links')).json.links).toEqual([]);
  });

  it('notify_users and show_profile: numbers, numeric strings, booleans, "" and missing', async () => {
    const cases: [unknown, unknown, number][] = [
      ['0', '0', 0],
      [true, false, 0],
      ['true', 'true', 1],
      ['', '', 0],
      [undefined, 7, 1],
    ];
    for (const [notify_users, show_profile, selected] of cases) {
      const mp = await newMiniProgram();
      expect((await link({ appid: mp, notify_users, show_profile })).json).toEqual(OK);
      const [record] = (await h.get('/_wxlocal/links')).json.links.filter(
        (l: { miniprogram: string }) => l.miniprogram === mp,
      );
      expect(record.show_profile, JSON.stringify(show_profile)).toBe(selected);
    }
    for (const bad of ['yes', { a: 1 }, [1], 0.5]) {
      const response = await link({ appid: await newMiniProgram(), notify_users: bad, show_profile: 1 });
      expect(wxError(response.json), JSON.stringify(bad)).toEqual({
        errcode: 47001,
        base: 'data format error',
      });
    }
  });

  it('the control plane lists every invitation and link with timestamps', async () => {
    await invite(w.miniProgram.appid);
    const { links } = (await h.get('/_wxlocal/links')).json;
    expect(links).toEqual([
      {
        official_account: w.officialAccount.appid,
        miniprogram: w.miniProgram.appid,
        status: 12,
        origin: 'api',
        notify_users: 1,
        show_profile: 1,
        unlink_pending: false,
        created_at: expect.any(Number),
        updated_at: expect.any(Number),
      },
    ]);
  });
});

describe('unlink', () => {
  it('waits for the OA admin (89018 meanwhile, still status 1); confirming removes the link', async () => {
    const mp = w.miniProgram.appid;
    await linked(mp);
    expect((await unlink({ appid: mp })).json).toEqual(OK);
    expect(wxError((await unlink({ appid: mp })).json)).toEqual({
      errcode: 89018,
      base: 'unlink message has sent',
    });
    expect((await list()).wxopens.items[0].status).toBe(1);
    expect((await respond(mp, 'miniprogram', true)).status).toBe(409);
    expect((await respond(mp, 'official_account', false)).json).toMatchObject({
      status: 1,
      unlink_pending: false,
    });
    expect((await unlink({ appid: mp })).json).toEqual(OK);
    expect((await respond(mp, 'official_account', true)).json).toMatchObject({ removed: true });
    expect((await list()).wxopens.items).toEqual([]);
  });

  it('40097 with nothing linked, 89013 banned, 89011 nearby, 89012 store or mall', async () => {
    const mp = w.miniProgram.appid;
    expect(wxError((await unlink({ appid: mp })).json)).toEqual({ errcode: 40097, base: 'invalid args' });
    await invite(mp);
    expect(wxError((await unlink({ appid: mp })).json).errcode).toBe(40097);
    expect(wxError((await unlink({})).json).errcode).toBe(40097);
    await respond(mp, 'official_account', true);
    await respond(mp, 'miniprogram', true);
    await flag(mp, { banned: true, nearby_display: true, is_store_or_mall: true });
    expect(wxError((await unlink({ appid: mp })).json)).toEqual({ errcode: 89013, base: 'wxa is banned' });
    await flag(mp, { banned: false });
    expect(wxError((await unlink({ appid: mp })).json)).toEqual({
      errcode: 89011,
      base: 'can not unlink nearby wxa',
    });
    expect((await list()).wxopens.items[0].nearby_display_status).toBe(1);
    await flag(mp, { nearby_display: false });
    expect(wxError((await unlink({ appid: mp })).json)).toEqual({
      errcode: 89012,
      base: 'can not unlink store or mall',
    });
    expect((await h.get('/_wxlocal/links')).json.links[0].unlink_pending).toBe(false);
  });
});

describe('wxamplink refusals', () => {
  it('-1 for an appid that is missing, unknown or not a Mini Program', async () => {
    for (const appid of ['', 'wx0000000000000000', w.officialAccount.appid]) {
      expect(wxError((await link({ appid, notify_users: 1, show_profile: 1 })).json)).toEqual({
        errcode: -1,
        base: 'system error',
      });
    }
    expect((await h.get('/_wxlocal/links')).json.links).toEqual([]);
  });

  it('89008 overseas, 89013 banned, 89245 forbidden, in that order', async () => {
    const mp = await newMiniProgram({ overseas: true, banned: true, allow_oa_link: false });
    expect(wxError((await invite(mp)).json)).toEqual({
      errcode: 89008,
      base: 'overseas account can not link',
    });
    await flag(mp, { overseas: false });
    expect(wxError((await invite(mp)).json)).toEqual({ errcode: 89013, base: 'wxa is banned' });
    await flag(mp, { banned: false });
    expect(wxError((await invite(mp)).json)).toEqual({
      errcode: 89245,
      base: 'mini program forbidden to link',
    });
    await flag(mp, { allow_oa_link: true });
    await flag(w.officialAccount.appid, { overseas: true });
    expect(wxError((await invite(mp)).json).errcode).toBe(89008);
    await flag(w.officialAccount.appid, { overseas: false });
    expect((await invite(mp)).json).toEqual(OK);
  });

  it('89010 while an invitation is pending, 89015 once linked', async () => {
    const mp = w.miniProgram.appid;
    await invite(mp);
    expect(wxError((await invite(mp)).json)).toEqual({ errcode: 89010, base: 'link message has sent' });
    await respond(mp, 'official_account', true);
    expect(wxError((await invite(mp)).json).errcode).toBe(89010);
    await respond(mp, 'miniprogram', true);
    expect(wxError((await invite(mp)).json)).toEqual({ errcode: 89015, base: 'has linked wxa' });
  });

  it('89035 for a link started on the admin console that awaits the MP admin', async () => {
    const mp = w.miniProgram.appid;
    const started = await h.post('/_wxlocal/links/console', {
      official_account: w.officialAccount.appid,
      miniprogram: mp,
    });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ status: 2, origin: 'console' });
    expect(wxError((await invite(mp)).json)).toEqual({ errcode: 89035, base: 'linking from mp' });
    expect((await list()).wxopens.items[0].status).toBe(2);
    expect(
      (
        await h.post('/_wxlocal/links/console', {
          official_account: w.officialAccount.appid,
          miniprogram: mp,
        })
      ).status,
    ).toBe(409);
    await respond(mp, 'miniprogram', true);
    expect(wxError((await invite(mp)).json).errcode).toBe(89015);
  });

  it('1003, 1005, 1006 have an empty errmsg base', async () => {
    const mp = await newMiniProgram({
      bound_account_limit_reached: true,
      phone_bound_limit_reached: true,
      phone_blacklisted: true,
    });
    for (const [errcode, cleared] of [
      [1003, 'bound_account_limit_reached'],
      [1005, 'phone_bound_limit_reached'],
      [1006, 'phone_blacklisted'],
    ] as const) {
      const response = (await invite(mp)).json;
      expect(response.errcode).toBe(errcode);
      expect(response.errmsg).toMatch(/^ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
      await flag(mp, { [cleared]: false });
    }
    expect((await invite(mp)).json).toEqual(OK);
  });
});

describe('limits', () => {
  it('10 same-subject links: the 11th answers 89016; pending invitations count, refusals do not', async () => {
    const subject = (await h.get(`/_wxlocal/accounts/${w.officialAccount.appid}`)).json.principal_name;
    const mps = [];
    for (let i = 0; i < 9; i++) mps.push(await newMiniProgram({ principal_name: subject }));
    const tenth = await newMiniProgram({ principal_name: subject });
    const eleventh = await newMiniProgram({ principal_name: subject });
    for (const mp of mps) await linked(mp);
    expect((await invite(tenth)).json).toEqual(OK);
    const before = (await h.get('/_wxlocal/links')).json.links.length;
    expect(wxError((await invite(eleventh)).json)).toEqual({
      errcode: 89016,
      base: 'reach same realname quota',
    });
    expect((await h.get('/_wxlocal/links')).json.links).toHaveLength(before);
    // A different-subject MP is counted separately.
    expect((await invite(await newMiniProgram({ principal_name: 'Other Co.' }))).json).toEqual(OK);
    // The 10th (pending) is refused by the MP admin: a place frees up.
    await respond(tenth, 'official_account', true);
    await respond(tenth, 'miniprogram', false);
    expect((await invite(eleventh)).json).toEqual(OK);
  });

  it('3 different-subject links: the 4th answers 89017', async () => {
    const [first, second, third, fourth] = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) => newMiniProgram({ principal_name: `Subject ${name}` })),
    );
    if (!first || !second || !third || !fourth) throw new Error('accounts not created');
    await linked(first);
    await invite(second);
    await h.post('/_wxlocal/links/console', {
      official_account: w.officialAccount.appid,
      miniprogram: third,
    });
    expect(wxError((await invite(fourth)).json)).toEqual({
      errcode: 89017,
      base: 'reach different realname quota',
    });
    // Unlinking one frees a place.
    await unlink({ appid: first });
    await respond(first, 'official_account', true);
    expect((await invite(fourth)).json).toEqual(OK);
  });

  it('13 new links a China-time month: the 14th answers 89007 until the 1st, 00:00 +08:00', async () => {
    // Put the clock on 2027-03-31 15:00 UTC = 23:00 +08:00, an hour before April in China.
    await h.post('/_wxlocal/clock', { set: Date.UTC(2027, 2, 31, 15) / 1000 });
    // Tokens issued before the jump have expired: authorize again for a fresh one.
    w.oaToken = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: w.officialAccount.appid,
        func_info: [33],
      })
    ).json.authorizer_access_token;
    const subject = (await h.get(`/_wxlocal/accounts/${w.officialAccount.appid}`)).json.principal_name;
    for (let i = 0; i < 13; i++) {
      const mp = await newMiniProgram({ principal_name: subject });
      expect((await invite(mp)).json, `link ${i + 1}`).toEqual(OK);
      // Refused by the OA admin: the subject quota does not fill, the monthly count stays.
      await respond(mp, 'official_account', false);
    }
    const fourteenth = await newMiniProgram({ principal_name: subject });
    expect(wxError((await invite(fourteenth)).json)).toEqual({ errcode: 89007, base: 'wxa quota limit' });
    await advanceClock(h, 3599);
    expect(wxError((await invite(fourteenth)).json).errcode).toBe(89007);
    await advanceClock(h, 1);
    expect((await invite(fourteenth)).json).toEqual(OK);
  });

  it('a Mini Program linked to 500 Official Accounts answers 89009 to the 501st', async () => {
    const mp = w.miniProgram.appid;
    const platform = w.platform.appid;
    for (let i = 0; i < 500; i++) {
      const oa = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json.appid;
      const token = (
        await h.post('/_wxlocal/authorizations', {
          component_appid: platform,
          authorizer_appid: oa,
          func_info: [33],
        })
      ).json.authorizer_access_token;
      expect((await link({ appid: mp, notify_users: 0, show_profile: 0 }, token)).json.errcode).toBe(0);
    }
    expect(wxError((await invite(mp)).json)).toEqual({ errcode: 89009, base: 'wxa reach link limit' });
  }, 60_000);
});

describe('who may call', () => {
  it('61007 without set 33; 48001 for MP and component tokens; 40014 for the own token', async () => {
    const oa = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
    const noSet = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: oa.appid,
        func_info: [1, 3],
      })
    ).json.authorizer_access_token;
    expect(wxError((await invite(w.miniProgram.appid).then(() => link({ appid: 'x' }, noSet))).json)).toEqual(
      {
        errcode: 61007,
        base: 'api is unauthorized to component',
      },
    );
    expect(wxError(await list(noSet)).errcode).toBe(61007);
    for (const token of [w.mpToken, w.componentToken]) {
      expect(wxError((await link({ appid: w.miniProgram.appid }, token)).json).errcode).toBe(48001);
      expect(wxError((await unlink({ appid: w.miniProgram.appid }, token)).json).errcode).toBe(48001);
      expect(wxError(await list(token)).errcode).toBe(48001);
    }
    const own = (
      await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${oa.appid}&secret=${oa.secret}`)
    ).json.access_token;
    expect(wxError(await list(own)).errcode).toBe(40014);
  });

  it('wxamplinkget needs a body: 44002 when empty, [] is fine', async () => {
    const empty = await h.call('POST', `/cgi-bin/wxopen/wxamplinkget?access_token=${w.oaToken}`, '');
    expect(wxError(empty.json)).toEqual({ errcode: 44002, base: 'empty post data' });
    const array = await h.call('POST', `/cgi-bin/wxopen/wxamplinkget?access_token=${w.oaToken}`, '[]');
    expect(array.json).toEqual({ errcode: 0, errmsg: 'ok', wxopens: { items: [] } });
  });
});
