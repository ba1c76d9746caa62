import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  advanceClock,
  createWorld,
  type Harness,
  type HttpResult,
  linkWorldAccounts,
  splitErrmsg,
  type World,
  wxError,
} from './helpers.js';
import { type TwoInstances, twoInstances } from './postgres/two-instances.js';

// Runs in the suite's PostgreSQL run only (vitest.config.ts): two emulators on one database, each quota's
// counter driven by 200 calls at once, half through each.

let pair: TwoInstances;
let a: Harness;
let b: Harness;
let w: World;

/** 2030-06-15 00:00 UTC: mid-month, so that no monthly quota starts over while a test runs. */
const MID_MONTH = Date.UTC(2030, 5, 15) / 1000;

beforeAll(async () => {
  pair = await twoInstances();
  ({ a, b } = pair);
});
afterAll(() => pair.close());
beforeEach(async () => {
  await a.post('/_wxlocal/reset');
  await a.post('/_wxlocal/clock', { set: MID_MONTH });
  w = await createWorld(a);
});

/** How many answers succeeded, and the distinct errcodes of the others. */
function tally(answers: HttpResult[]): { ok: number; refusedWith: number[] } {
  const codes = answers.map((answer) => answer.json?.errcode);
  const refused = codes.filter((code) => code !== 0);
  return { ok: codes.length - refused.length, refusedWith: [...new Set(refused)].sort((x, y) => x - y) };
}

const errcodeOf = (answer: HttpResult) => wxError(answer.json).errcode;

/** Calls on one counter take turns (a transaction that collides runs again): room for a busy machine. */
const SLOW = { timeout: 60_000 };

describe('monthly quotas: 200 calls at once over two instances, exactly the limit succeeds', SLOW, () => {
  it('a Mini Program changes its server domains 50 times a month (86102), by either modify endpoint', async () => {
    const hosts = Array.from({ length: 204 }, (_, i) => `p${i}.example.com`);
    await a.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${w.componentToken}`, {
      action: 'set',
      wxa_server_domain: hosts.join(';'),
      is_modify_published_together: true,
    });
    // Every call adds an entry of its own, so each success changes the lists and none is a no-op.
    const change = (h: Harness, i: number) =>
      i % 4 < 2
        ? h.post(`/wxa/modify_domain?access_token=${w.mpToken}`, {
            action: 'add',
            requestdomain: [`https://${hosts[i]}`],
          })
        : h.post(`/wxa/modify_domain_directly?access_token=${w.mpToken}`, {
            action: 'add',
            requestdomain: [`https://d${i}.example.org`],
          });
    const answers = await pair.spread(200, change);
    expect(tally(answers)).toEqual({ ok: 50, refusedWith: [86102] });
    const lists = (await b.post(`/wxa/get_effective_domain?access_token=${w.mpToken}`, {})).json;
    expect(lists.third_domain.requestdomain.length + lists.direct_domain.requestdomain.length).toBe(50);
    // 200 and 202: one more call of each endpoint.
    expect(errcodeOf(await change(a, 200))).toBe(86102);
    expect(errcodeOf(await change(b, 202))).toBe(86102);
  });

  it("the component's server-domain pool changes 50 times a month (45104)", async () => {
    const add = (h: Harness, i: number) =>
      h.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${w.componentToken}`, {
        action: 'add',
        wxa_server_domain: `c${i}.example.com`,
        is_modify_published_together: false,
      });
    const answers = await pair.spread(200, add);
    expect(tally(answers)).toEqual({ ok: 50, refusedWith: [45104] });
    const pool = (
      await b.post(`/cgi-bin/component/modify_wxa_server_domain?access_token=${w.componentToken}`, {
        action: 'get',
      })
    ).json;
    expect(pool.testing_wxa_server_domain.split(';')).toHaveLength(50);
    for (const h of [a, b]) expect(errcodeOf(await add(h, 200))).toBe(45104);
  });

  it('an account publishes QR-code jump rules 100 times a month (886000)', async () => {
    // A service account's rules, not a Mini Program's: the calls need 295 distinct rules and a Mini Program
    // may hold 100 at most.
    await linkWorldAccounts(a, w);
    await a.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    const QR = 'http://weixin.qq.com/q/02P5KzM_';
    const qr = (h: Harness, op: string, body: object) =>
      h.post(`/cgi-bin/wxopen/qrcodejump${op}?access_token=${w.oaToken}`, body);
    const publish = (h: Harness, i: number) => qr(h, 'publish', { prefix: `${QR}${i}` });

    // The family also allows 5 calls a second, checked after the monthly count and undoing it when refused,
    // so 200 calls at once with more than 5 publishes left would answer 44990 too. So the setup runs 5 calls
    // in each emulated second, and the 200 come with 5 publishes left: then only the monthly count refuses.
    async function fivePerSecond(total: number, send: (h: Harness, i: number) => Promise<HttpResult>) {
      const answers: HttpResult[] = [];
      for (let done = 0; done < total; done += 5) {
        await advanceClock(a, 1);
        answers.push(...(await pair.spread(Math.min(5, total - done), (h, i) => send(h, done + i))));
      }
      return answers;
    }
    const rule = (h: Harness, i: number) =>
      qr(h, 'add', {
        prefix: `${QR}${i}`,
        appid: w.miniProgram.appid,
        path: 'pages/index/index',
        is_edit: 0,
      });
    expect(tally(await fivePerSecond(295, rule))).toEqual({ ok: 295, refusedWith: [] });
    expect(tally(await fivePerSecond(95, publish))).toEqual({ ok: 95, refusedWith: [] });

    await advanceClock(a, 1);
    const answers = await pair.spread(200, (h, i) => publish(h, 95 + i));
    expect(tally(answers)).toEqual({ ok: 5, refusedWith: [886000] });
    const { rules, publishes_left } = (
      await b.get(`/_wxlocal/accounts/${w.officialAccount.appid}/qrcode-rules`)
    ).json as { rules: { prefix: string; state: number }[]; publishes_left: number };
    expect(rules.filter((rule) => rule.state === 2)).toHaveLength(100);
    expect(publishes_left).toBe(0);
    const [first, second] = rules.filter((rule) => rule.state === 1);
    await advanceClock(a, 1);
    expect(errcodeOf(await qr(a, 'publish', { prefix: first?.prefix }))).toBe(886000);
    expect(errcodeOf(await qr(b, 'publish', { prefix: second?.prefix }))).toBe(886000);
  });

  it('an Official Account starts 13 new links a month (89007)', async () => {
    const { principal_name } = (await a.get(`/_wxlocal/accounts/${w.officialAccount.appid}`)).json;
    const miniPrograms = (
      await pair.spread(206, (h) => h.post('/_wxlocal/accounts', { type: 'miniprogram', principal_name }))
    ).map((created) => created.json.appid as string);
    const invite = (h: Harness, i: number) =>
      h.post(`/cgi-bin/wxopen/wxamplink?access_token=${w.oaToken}`, {
        appid: miniPrograms[i],
        notify_users: 1,
        show_profile: 1,
      });

    // Live links and invitations of one subject stop at 10 (89016), checked before the monthly count: with
    // 4 of the 13 used and refused by the OA admin, 9 are left and only the monthly count refuses.
    expect(tally(await pair.spread(4, invite))).toEqual({ ok: 4, refusedWith: [] });
    for (const miniprogram of miniPrograms.slice(0, 4)) {
      await a.post('/_wxlocal/links/respond', {
        official_account: w.officialAccount.appid,
        miniprogram,
        admin: 'official_account',
        accept: false,
      });
    }
    const answers = await pair.spread(200, (h, i) => invite(h, 4 + i));
    expect(tally(answers)).toEqual({ ok: 9, refusedWith: [89007] });
    for (const h of [a, b]) expect(errcodeOf(await invite(h, h === a ? 204 : 205))).toBe(89007);
  });
});

describe('the QR-code family over two instances: 5 calls a second (44990)', SLOW, () => {
  it('no emulated second has more than 5 successes, and a second with a refusal has exactly 5', async () => {
    const answers = await pair.spread(200, (h) =>
      h.post(`/cgi-bin/wxopen/qrcodejumpget?access_token=${w.mpToken}`, {}),
    );
    const { ok, refusedWith } = tally(answers);
    expect(refusedWith).toEqual([44990]);

    // The 200 may span more than one emulated second: the request log tells each call's second. Read through
    // both instances and keyed by rid, it lists each call once whether it is kept per instance or shared.
    const query = `limit=1000&appid=${w.miniProgram.appid}&endpoint=getJumpQRCode`;
    const logged = new Map<string, { time: number; errcode: number }>();
    for (const h of [a, b]) {
      const { requests } = (await h.get(`/_wxlocal/requests?${query}`)).json;
      for (const entry of requests) logged.set(entry.rid, entry);
    }
    expect(logged.size).toBe(200);
    const seconds = new Map<number, { ok: number; refused: number }>();
    for (const { time, errcode } of logged.values()) {
      const second = seconds.get(time) ?? { ok: 0, refused: 0 };
      if (errcode === 0) second.ok++;
      else second.refused++;
      seconds.set(time, second);
    }
    let successes = 0;
    for (const [time, second] of seconds) {
      successes += second.ok;
      expect(second.ok, `second ${time}`).toBeLessThanOrEqual(5);
      if (second.refused > 0) expect(second.ok, `second ${time}`).toBe(5);
    }
    expect(successes).toBe(ok);
  });
});

describe('the daily API meter over two instances', SLOW, () => {
  it('an enforced limit of 50 gives exactly 50 successes out of 200 calls (45009)', async () => {
    const path = '/wxa/getwxasearchstatus';
    const set = await b.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}/quota`, {
      cgi_path: path,
      daily_limit: 50,
    });
    expect(set.status).toBe(200);
    const answers = await pair.spread(200, (h) => h.get(`${path}?access_token=${w.mpToken}`));
    expect(tally(answers)).toEqual({ ok: 50, refusedWith: [45009] });
    for (const h of [a, b]) {
      const quota = await h.post(`/cgi-bin/openapi/quota/get?access_token=${w.mpToken}`, { cgi_path: path });
      expect(quota.json.quota).toEqual({ daily_limit: 50, used: 50, remain: 0 });
    }
  });

  it('a limit set, removed or restored through one instance holds on the other at its next call', async () => {
    const path = '/wxa/getwxasearchstatus';
    const patch = (body: Record<string, unknown>) =>
      b.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}/quota`, { cgi_path: path, ...body });
    const onA = async () => (await a.get(`${path}?access_token=${w.mpToken}`)).json.errcode;
    // Enforced throughout, so that every count is in the database (an unenforced one may wait a second).
    await patch({ daily_limit: 3 });
    expect(await onA()).toBe(0);
    const snapshot = (await b.post('/_wxlocal/snapshots')).json;
    await patch({ daily_limit: 2 });
    expect([await onA(), await onA()]).toEqual([0, 45009]);
    await patch({ daily_limit: 5 });
    expect(await onA()).toBe(0);
    await b.post(`/_wxlocal/snapshots/${snapshot.id}/restore`);
    // Restored: the limit of 3 and the one call counted before the snapshot.
    expect([await onA(), await onA(), await onA()]).toEqual([0, 0, 45009]);
    await patch({ daily_limit: null });
    expect(await onA()).toBe(0);
  });

  it('a clear through one instance resets the counter the other one counts on', async () => {
    const path = '/wxa/getwxasearchstatus';
    await b.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}/quota`, {
      cgi_path: path,
      daily_limit: 2,
    });
    await a.get(`${path}?access_token=${w.mpToken}`);
    await b.get(`${path}?access_token=${w.mpToken}`);
    expect(errcodeOf(await a.get(`${path}?access_token=${w.mpToken}`))).toBe(45009);
    const cleared = await b.post(`/cgi-bin/clear_quota?access_token=${w.mpToken}`, {
      appid: w.miniProgram.appid,
    });
    expect(cleared.json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await a.get(`${path}?access_token=${w.mpToken}`)).json.errcode).toBe(0);
    expect((await b.get(`${path}?access_token=${w.mpToken}`)).json.errcode).toBe(0);
    const refused = await a.get(`${path}?access_token=${w.mpToken}`);
    expect(errcodeOf(refused)).toBe(45009);
    const { rid } = splitErrmsg(refused.json.errmsg);
    // The rid of an answer one instance gave is found through the other, once written (a moment later).
    const ridGet = () => b.post(`/cgi-bin/openapi/rid/get?access_token=${w.mpToken}`, { rid });
    let found = await ridGet();
    for (let tries = 0; found.json.errcode === 76001 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      found = await ridGet();
    }
    expect(found.json.request.response_body).toBe(refused.text);
  });
});
