import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, splitErrmsg, type World, wxError } from './helpers.js';
import { type TwoInstances, twoInstances } from './postgres/two-instances.js';

// Runs in the suite's PostgreSQL run only (vitest.config.ts): two emulators on one database.

let pair: TwoInstances;
let a: Harness;
let b: Harness;
let w: World;

beforeAll(async () => {
  pair = await twoInstances();
  ({ a, b } = pair);
});
afterAll(() => pair.close());
beforeEach(async () => {
  await a.post('/_wxlocal/reset');
  w = await createWorld(a);
});

describe('two instances on one database answer as one', () => {
  it('a token issued by one is valid on the other, and a change made through one is read on the other', async () => {
    const set = await b.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status: 1 });
    expect(set.json).toEqual({ errcode: 0, errmsg: 'ok' });
    const read = await a.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`);
    expect(read.json).toEqual({ status: 1, errcode: 0, errmsg: 'ok' });
    expect((await b.get('/_wxlocal/health')).json.store).toBe('postgres');
  });

  it('a pre_auth_code redeemed on both at once is spent once', async () => {
    const code = (
      await a.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${w.componentToken}`, {
        component_appid: w.platform.appid,
      })
    ).json.pre_auth_code;
    const mp = (await a.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const form = new URLSearchParams({
      component_appid: w.platform.appid,
      pre_auth_code: code,
      redirect_uri: 'https://platform.example.com/authorized',
      authorizer_appid: mp.appid,
      decision: 'confirm',
      func_info: '18',
    });
    const answers = await pair.spread(2, (h) =>
      fetch(`${h.baseUrl}/cgi-bin/componentloginpage`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      }),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400]);
    const refused = answers.find((answer) => answer.status === 400);
    expect(await refused?.text()).toContain('The pre_auth_code has already been used.');
  });

  it('the clock moved through one is the clock of the other, at once', async () => {
    const moved = (await a.post('/_wxlocal/clock', { advance: 7200 })).json.now;
    expect((await b.get('/_wxlocal/clock')).json.now).toBeGreaterThanOrEqual(moved);
    const expired = await b.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`);
    expect(wxError(expired.json).errcode).toBe(42001);
  });

  it('a reset through one empties the state both serve', async () => {
    await a.post('/_wxlocal/reset');
    const gone = await b.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`);
    expect(wxError(gone.json).errcode).toBe(40001);
    expect((await b.get('/_wxlocal/accounts')).json.accounts).toEqual([]);
  });

  it('the request journal of either shows the calls of both, in the order they were answered', async () => {
    const set = await a.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status: 9 });
    const read = await b.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`);
    const rid = splitErrmsg(set.json.errmsg).rid;
    // A listing writes the instance's own waiting calls at once: b's read is written before a's earlier write.
    await b.get('/_wxlocal/requests');
    // Each instance writes its calls for the others a moment after answering them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const h of [a, b]) {
      const listed = (await h.get(`/_wxlocal/requests?appid=${w.miniProgram.appid}`)).json.requests;
      expect(listed.slice(0, 2).map((call: { endpoint: string }) => call.endpoint)).toEqual([
        'getSearchStatus',
        'setSearchStatus',
      ]);
      expect((await h.get(`/_wxlocal/requests/${rid}`)).json).toMatchObject({
        rid,
        errcode: set.json.errcode,
        request: { body: '{"status":9}' },
        answer: set.json,
      });
    }
    expect(read.json.errcode).toBe(0);
  });

  it('a snapshot taken through one is listed and restored through the other', async () => {
    const snapshot = (await a.post('/_wxlocal/snapshots')).json;
    expect((await b.get('/_wxlocal/snapshots')).json.snapshots).toEqual([snapshot]);
    await b.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status: 1 });
    const restored = await b.post(`/_wxlocal/snapshots/${snapshot.id}/restore`);
    expect(restored.json).toMatchObject({ id: snapshot.id, restored: true });
    const read = await a.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`);
    expect(read.json).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
    expect((await b.call('DELETE', `/_wxlocal/snapshots/${snapshot.id}`)).json).toEqual({
      id: snapshot.id,
      removed: true,
    });
    expect((await a.post(`/_wxlocal/snapshots/${snapshot.id}/restore`)).status).toBe(404);
  });

  it('200 forced stable_token calls at once over both: one new token, one forced refresh counted', async () => {
    const body = {
      grant_type: 'client_credential',
      appid: w.miniProgram.appid,
      secret: w.miniProgram.secret,
      force_refresh: true,
    };
    const answers = await pair.spread(200, (h) => h.post('/cgi-bin/stable_token', body));
    const tokens = new Set(answers.map((answer) => answer.json.access_token ?? answer.json.errcode));
    expect([...tokens].filter((token) => typeof token === 'number')).toEqual([]);
    expect(tokens.size).toBe(1);
    // Within 30 s a forced call answers the current token (docs/tokens.md §5.9): the 20 a day are all left
    // but one, so 19 more forced refreshes, 31 s apart, succeed and the 20th more answers 45009.
    const forced = [];
    for (let i = 0; i < 20; i++) {
      await advanceClock(a, 31);
      forced.push((await (i % 2 ? a : b).post('/cgi-bin/stable_token', body)).json.errcode ?? 0);
    }
    expect(forced).toEqual([...Array(19).fill(0), 45009]);
  });
});

describe('pushes with two instances running', () => {
  let receiver: Server;
  let pushes: number;

  beforeEach(async () => {
    pushes = 0;
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        pushes++;
        response.end('success');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('each ticket rotation is pushed once, not once per instance', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/auth-event`;
    await b.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { auth_event_url: url });
    await waitFor(() => pushes === 1);
    await advanceClock(a, 600);
    await waitFor(() => pushes === 2);
    // Both instances look for due tickets every second: a second push would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(pushes).toBe(2);
    // Either instance's push log shows both deliveries, whichever instance made them.
    for (const h of [a, b]) expect((await h.get('/_wxlocal/pushes')).json.pushes).toHaveLength(2);
  });

  it('calls that collide and run again push once each', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/auth-event`;
    await a.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { auth_event_url: url });
    await waitFor(() => pushes === 1);
    const accounts: string[] = [];
    for (let i = 0; i < 20; i++)
      accounts.push((await a.post('/_wxlocal/accounts', { type: 'miniprogram' })).json.appid);
    // Twenty authorizations at once, over both instances: each pushes one "authorized" event.
    const granted = await pair.spread(20, (h, i) =>
      h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: accounts[i],
        func_info: [18],
      }),
    );
    expect(granted.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    await waitFor(() => pushes === 21);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(pushes).toBe(21);
    const logged = (await b.get('/_wxlocal/pushes')).json.pushes as { info_type: string }[];
    expect(logged.filter((push) => push.info_type === 'authorized')).toHaveLength(20);
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 5000) throw new Error('waited 5 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
