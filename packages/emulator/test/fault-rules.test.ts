import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anotherMiniProgram, createWorld, type Harness, RID, startEmulator, type World } from './helpers.js';

// docs/faults.md: fault rules, each effect as a real HTTP client sees it, and the rules as state.

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

/** What a node:http client got: an answer, or the code of the socket error it met instead. */
interface Got {
  status?: number;
  headers?: IncomingHttpHeaders;
  body?: Buffer;
  error?: string;
  ms: number;
}

/** One call on a connection of its own, as an SDK's HTTP client makes it. */
function send(method: string, path: string, body?: unknown, on: Harness = h): Promise<Got> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  return new Promise((resolve) => {
    const request = httpRequest(`${on.baseUrl}${path}`, { method, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks),
          ms: ms(),
        }),
      );
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code, ms: ms() }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code, ms: ms() }));
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const setStatusPath = () => `/wxa/changewxasearchstatus?access_token=${w.mpToken}`;
const getStatusPath = () => `/wxa/getwxasearchstatus?access_token=${w.mpToken}`;
const setStatus = (status: number) => send('POST', setStatusPath(), { status });
const searchStatus = async (on: Harness = h, token = w.mpToken) =>
  (await on.get(`/wxa/getwxasearchstatus?access_token=${token}`)).json.status;
const json = (got: Got) => JSON.parse(got.body?.toString('utf8') ?? '');

async function arm(rule: object, on: Harness = h) {
  const armed = await on.post('/_wxlocal/faults', rule);
  expect(armed.status, armed.text).toBe(201);
  return armed.json;
}

/** The request log, oldest first. */
async function journal(on: Harness = h) {
  return (await on.get('/_wxlocal/requests')).json.requests.reverse();
}

describe('each effect, as an HTTP client sees it', () => {
  it('reset: a socket error, and the state is as it was', async () => {
    const rule = await arm({ endpoint: 'setSearchStatus', network: 'reset' });
    expect(rule).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      endpoint: 'setSearchStatus',
      appid: null,
      errcode: null,
      status: null,
      network: 'reset',
      hang_ms: null,
      latency_ms: null,
      after_commit: false,
      probability: 1,
      seed: expect.any(Number),
      count: 1,
      fired: 0,
      remaining: 1,
      created_at: expect.any(Number),
    });
    const got = await setStatus(1);
    expect(got.error).toBe('ECONNRESET');
    expect(got.status).toBeUndefined();
    expect(await searchStatus()).toBe(0);
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [] });
  });

  it('after_commit reset on changewxasearchstatus: a socket error, yet the new status is read back', async () => {
    await arm({ endpoint: 'changewxasearchstatus', network: 'reset', after_commit: true });
    expect((await setStatus(1)).error).toBe('ECONNRESET');
    expect(await searchStatus()).toBe(1);
  });

  it('status 503: a gateway page that is not JSON', async () => {
    await arm({ endpoint: 'getSearchStatus', status: 503 });
    const got = await send('GET', getStatusPath());
    expect(got.status).toBe(503);
    expect(got.headers?.['content-type']).toBe('text/plain; charset=utf-8');
    expect(got.body?.toString()).toBe('503 Service Unavailable');
    expect(() => json(got)).toThrow(SyntaxError);
    expect(json(await send('GET', getStatusPath()))).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
  });

  it('malformed: HTTP 200 and JSON cut in the middle, its length matching', async () => {
    await arm({ endpoint: 'setSearchStatus', network: 'malformed', after_commit: true });
    const got = await setStatus(1);
    expect(got.status).toBe(200);
    expect(got.headers?.['content-type']).toBe('application/json; encoding=utf-8');
    expect(Number(got.headers?.['content-length'])).toBe(got.body?.length);
    expect(got.body?.toString()).toBe('{"errcode":0,');
    expect(() => json(got)).toThrow(SyntaxError);
    expect(await searchStatus()).toBe(1);
  });

  it('hang: no answer, the connection closed after hang_ms', async () => {
    await arm({ endpoint: 'getSearchStatus', network: 'hang', hang_ms: 400 });
    const got = await send('GET', getStatusPath());
    expect(got.error).toBe('ECONNRESET');
    expect(got.ms).toBeGreaterThanOrEqual(390);
    expect(got.ms).toBeLessThan(3000);
  });

  it('README recipe: an add on modify_domain committed, its answer lost; get reads it back, a resend finds nothing to add', async () => {
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, {
      test_accounts: [w.miniProgram.appid],
    });
    const pool = await h.post(
      `/cgi-bin/component/modify_wxa_server_domain?access_token=${w.componentToken}`,
      { action: 'add', wxa_server_domain: 'api.example.com' },
    );
    expect(pool.json.errcode).toBe(0);
    await arm({ endpoint: 'modify_domain', network: 'reset', after_commit: true });
    const modify = (body: object) => send('POST', `/wxa/modify_domain?access_token=${w.mpToken}`, body);
    const add = { action: 'add', requestdomain: ['https://api.example.com'] };
    expect((await modify(add)).error).toBe('ECONNRESET');
    expect(json(await modify({ action: 'get' }))).toEqual({
      errcode: 0,
      errmsg: 'ok',
      requestdomain: ['https://api.example.com'],
      wsrequestdomain: [],
      uploaddomain: [],
      downloaddomain: [],
      udpdomain: [],
      tcpdomain: [],
    });
    expect(json(await modify(add))).toEqual({
      errcode: 85017,
      errmsg: expect.stringMatching(
        /^no domain to modify after filtered, please confirm the domain has been set in miniprogram or open rid: /,
      ),
    });
  });

  it('an errcode after the commit: the state changed, the caller got the error', async () => {
    await arm({ endpoint: '/wxa/changewxasearchstatus', errcode: 45009, after_commit: true });
    const got = json(await setStatus(1));
    expect(got).toEqual({
      errcode: 45009,
      errmsg: expect.stringMatching(/^reach max api daily quota limit rid: /),
    });
    expect(RID.test(got.errmsg.split(' rid: ')[1])).toBe(true);
    expect(await searchStatus()).toBe(1);
  });

  it('a latency alone delays the call, which is then served; with an effect the effect comes after it', async () => {
    await arm({ endpoint: 'setSearchStatus', latency_ms: 250 });
    const delayed = await setStatus(1);
    expect(delayed.ms).toBeGreaterThanOrEqual(240);
    expect(json(delayed)).toEqual({ errcode: 0, errmsg: 'ok' });
    await arm({ endpoint: 'getSearchStatus', latency_ms: { min: 200, max: 220 }, status: 502 });
    const late = await send('GET', getStatusPath());
    expect(late.ms).toBeGreaterThanOrEqual(190);
    expect([late.status, late.body?.toString()]).toEqual([502, '502 Bad Gateway']);
    const [, marked] = (await journal()).filter((entry: { fault?: object }) => entry.fault);
    expect(marked.fault.latency_ms).toBeGreaterThanOrEqual(200);
    expect(marked.fault.latency_ms).toBeLessThanOrEqual(220);
  });

  it('HEAD, which Fastify serves, meets the same faults', async () => {
    await arm({ endpoint: 'getSearchStatus', status: 504 });
    expect((await send('HEAD', getStatusPath())).status).toBe(504);
    await arm({ endpoint: 'getSearchStatus', network: 'reset' });
    expect((await send('HEAD', getStatusPath())).error).toBe('ECONNRESET');
    expect((await send('HEAD', getStatusPath())).status).toBe(200);
  });

  it('the control plane is never faulted', async () => {
    await arm({ status: 503, count: null });
    expect((await h.get('/_wxlocal/health')).status).toBe(200);
    expect((await h.get('/_wxlocal/faults')).json.faults[0].fired).toBe(0);
    expect((await send('GET', getStatusPath())).status).toBe(503);
  });
});

describe('who a rule fires on', () => {
  it('a latency on one endpoint leaves 20 concurrent calls to another at their idle speed', async () => {
    /** The time 20 concurrent getSearchStatus calls take together. */
    const burst = async () => {
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 20 }, () => searchStatus()));
      expect(answers.every((status) => status !== undefined)).toBe(true);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    for (let i = 0; i < 3; i++) await burst();
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await burst());

    await arm({ endpoint: 'setSearchStatus', latency_ms: 300, count: null });
    let delayedAnswered = false;
    const delayed = Promise.all(Array.from({ length: 5 }, () => setStatus(1))).finally(() => {
      delayedAnswered = true;
    });
    const loaded: number[] = [];
    for (let i = 0; i < 3; i++) loaded.push(await burst());
    // The bursts ran while the delayed calls waited, each about as fast as with nothing delayed.
    expect(delayedAnswered).toBe(false);
    expect(median(loaded) / Math.max(median(idle), 5)).toBeLessThan(3);
    const answers = await delayed;
    expect(answers.map((got) => got.ms >= 290 && json(got).errcode === 0)).toEqual(Array(5).fill(true));
  });

  it('appid: only the calls made for that account', async () => {
    const { appid: otherAppid, secret: otherSecret, token: otherToken } = await anotherMiniProgram(h, w);
    await arm({ endpoint: 'getSearchStatus', appid: w.miniProgram.appid, errcode: -1, count: null });
    expect((await h.get(getStatusPath())).json.errcode).toBe(-1);
    expect(await searchStatus(h, otherToken)).toBe(0);
    expect((await h.get(getStatusPath())).json.errcode).toBe(-1);

    // The component: its token's calls and its own token request; not the accounts it acts for.
    await h.call('DELETE', '/_wxlocal/faults');
    await arm({ appid: w.platform.appid, status: 502, count: null });
    const preAuth = `/cgi-bin/component/api_create_preauthcode?component_access_token=${w.componentToken}`;
    expect((await send('POST', preAuth, { component_appid: w.platform.appid })).status).toBe(502);
    const componentToken = await send('POST', '/cgi-bin/component/api_component_token', {
      component_appid: w.platform.appid,
      component_appsecret: w.platform.secret,
      component_verify_ticket: w.platform.verify_ticket,
    });
    expect(componentToken.status).toBe(502);
    expect(await searchStatus()).toBe(0);

    // An account's own token, and /cgi-bin/token's appid.
    await h.call('DELETE', '/_wxlocal/faults');
    await arm({ appid: otherAppid, network: 'reset', count: null });
    const credential = (appid: string, secret: string) =>
      send('GET', `/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
    expect((await credential(otherAppid, otherSecret)).error).toBe('ECONNRESET');
    expect((await credential(w.miniProgram.appid, w.miniProgram.secret)).status).toBe(200);
    expect((await h.get('/_wxlocal/faults')).json.faults[0].fired).toBe(1);
  });

  it('probability 0.3 over 1000 calls fires within the binomial bounds, the same calls for the same seed', async () => {
    const rule = { endpoint: 'getSearchStatus', errcode: -1, probability: 0.3, seed: 20240601, count: null };
    const firings = async () => {
      await arm(rule);
      const fired: number[] = [];
      for (let call = 0; call < 1000; call++) {
        if ((await h.get(getStatusPath())).json.errcode === -1) fired.push(call);
      }
      return fired;
    };
    const first = await firings();
    // Mean 300, standard deviation √(1000 · 0.3 · 0.7) ≈ 14.5: within 4.5 of them.
    expect(first.length).toBeGreaterThan(235);
    expect(first.length).toBeLessThan(365);
    expect((await h.get('/_wxlocal/faults')).json.faults[0]).toMatchObject({
      fired: first.length,
      remaining: null,
      seed: 20240601,
    });

    await h.post('/_wxlocal/reset');
    w = await createWorld(h);
    expect(await firings()).toEqual(first);
  });

  it('count: a count of 3 fires exactly three times among 50 concurrent calls', async () => {
    await arm({ endpoint: 'getSearchStatus', errcode: -1, count: 3 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.get(getStatusPath())));
    const errcodes = answers.map((answer) => answer.json.errcode);
    expect(errcodes.filter((errcode) => errcode === -1)).toHaveLength(3);
    expect(errcodes.filter((errcode) => errcode === 0)).toHaveLength(47);
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [] });
  });

  it('rules are checked in the order they were added, one fault per call', async () => {
    const first = await arm({ endpoint: 'getSearchStatus', errcode: 45009 });
    const second = await arm({ errcode: -1 });
    expect((await h.get(getStatusPath())).json.errcode).toBe(45009);
    expect((await h.get('/_wxlocal/faults')).json.faults).toEqual([second]);
    expect((await h.get(getStatusPath())).json.errcode).toBe(-1);
    expect(first.id).not.toBe(second.id);
  });
});

describe('validation', () => {
  it.each([
    [
      { endpoint: 'noSuchInterface', errcode: -1 },
      'endpoint: unknown interface "noSuchInterface" (an interface name, a path or "*")',
    ],
    [{ errcode: 12345 }, 'errcode: 12345 is not in the error catalogue'],
    [{ status: 404 }, 'status: must be an HTTP status from 500 to 599'],
    [{ status: 600 }, 'status: must be an HTTP status from 500 to 599'],
    [{ errcode: -1, probability: 0 }, 'probability: must be above 0 and at most 1'],
    [{ errcode: -1, probability: 1.5 }, 'probability: must be above 0 and at most 1'],
    [{ latency_ms: -1 }, 'latency_ms: must be from 0 to 60000 ms'],
    [{ latency_ms: 60_001 }, 'latency_ms: must be from 0 to 60000 ms'],
    [{ latency_ms: { min: 0, max: 70_000 } }, 'latency_ms: must be from 0 to 60000 ms'],
    [{ latency_ms: { min: 50, max: 10 } }, 'latency_ms: min is above max'],
    [{ errcode: -1, status: 503 }, 'status: only one of errcode, status and network may be given'],
    [{ status: 503, network: 'reset' }, 'network: only one of errcode, status and network may be given'],
    [
      { endpoint: 'setSearchStatus', after_commit: true },
      'after_commit: needs an effect (errcode, status or network) to replace the answer with',
    ],
    [
      { latency_ms: 10, after_commit: true },
      'after_commit: needs an effect (errcode, status or network) to replace the answer with',
    ],
    [
      { endpoint: 'setSearchStatus' },
      'errcode: a rule needs an effect (errcode, status or network) or a latency_ms',
    ],
    [{ errcode: -1, count: 0 }, 'count: must be an integer of at least 1, or null for no limit'],
    [{ network: 'reset', hang_ms: 10 }, 'hang_ms: only with "network": "hang"'],
    [{ errcode: -1, seed: -1 }, 'seed: must be an integer from 0 to 4294967295'],
    [{ errcode: -1, appid: '' }, 'appid: must not be empty'],
    [{ network: 'slow' }, 'invalid body: network: expected "reset" or "malformed" or "hang"'],
    [{ errcode: -1, probability: '0.5' }, 'invalid body: probability: expected number'],
  ])('%j: 400 %s', async (body, error) => {
    const answer = await h.post('/_wxlocal/faults', body);
    expect([answer.status, answer.json]).toEqual([400, { error }]);
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [] });
  });
});

describe('the request log', () => {
  it("marks each call a rule fired on with the rule's id and what the caller got", async () => {
    const latency = await arm({ endpoint: 'getSearchStatus', latency_ms: 20 });
    await h.get(getStatusPath());
    const gateway = await arm({ endpoint: 'getSearchStatus', status: 503 });
    await send('GET', getStatusPath());
    const lost = await arm({ endpoint: 'setSearchStatus', errcode: 45009, after_commit: true });
    await setStatus(1);
    const dropped = await arm({ endpoint: 'setSearchStatus', network: 'reset' });
    await setStatus(0);
    await h.get(getStatusPath());

    const calls = (await journal()).slice(-5);
    const entry = (method: string, path: string, errcode: number, rest: object = {}) => ({
      time: expect.any(Number),
      method,
      path,
      endpoint: path === '/wxa/getwxasearchstatus' ? 'getSearchStatus' : 'setSearchStatus',
      appid: w.miniProgram.appid,
      errcode,
      rid: expect.stringMatching(RID),
      ...rest,
    });
    expect(calls).toEqual([
      entry('GET', '/wxa/getwxasearchstatus', 0, {
        fault: { id: latency.id, after_commit: false, latency_ms: 20 },
      }),
      entry('GET', '/wxa/getwxasearchstatus', -1, {
        fault: { id: gateway.id, after_commit: false, status: 503 },
      }),
      entry('POST', '/wxa/changewxasearchstatus', 0, {
        fault: { id: lost.id, after_commit: true, errcode: 45009 },
      }),
      entry('POST', '/wxa/changewxasearchstatus', -1, {
        fault: { id: dropped.id, after_commit: false, network: 'reset' },
      }),
      entry('GET', '/wxa/getwxasearchstatus', 0),
    ]);
    expect(calls[4]).not.toHaveProperty('fault');
    const detail = (await h.get(`/_wxlocal/requests/${calls[2].rid}`)).json;
    expect(detail.fault).toEqual({ id: lost.id, after_commit: true, errcode: 45009 });
    expect(detail.answer).toEqual({ errcode: 0, errmsg: 'ok' });
  });
});

describe('rules are state', () => {
  it('DELETE /_wxlocal/faults/:id removes one rule and answers it; an unknown id is a 404', async () => {
    const first = await arm({ endpoint: 'getSearchStatus', errcode: -1 });
    const second = await arm({ endpoint: 'setSearchStatus', status: 500, count: null });
    expect(await h.call('DELETE', `/_wxlocal/faults/${first.id}`)).toMatchObject({
      status: 200,
      json: first,
    });
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [second] });
    expect(await searchStatus()).toBe(0);
    expect(await h.call('DELETE', `/_wxlocal/faults/${first.id}`)).toMatchObject({
      status: 404,
      json: { error: `no fault rule ${first.id}` },
    });
  });

  it('a rule survives a restart, its draws going on where they stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-faults-'));
    const file = join(dir, 'wxlocal.db');
    const rule = { endpoint: 'getSearchStatus', errcode: -1, probability: 0.5, seed: 7, count: null };
    const pattern = async (on: Harness, token: string, calls: number) => {
      let fired = '';
      for (let call = 0; call < calls; call++) {
        const { errcode } = (await on.get(`/wxa/getwxasearchstatus?access_token=${token}`)).json;
        fired += errcode === -1 ? 'x' : '.';
      }
      return fired;
    };
    try {
      let onFile = await startEmulator({ file });
      const world = await createWorld(onFile);
      const armed = await arm(rule, onFile);
      const before = await pattern(onFile, world.mpToken, 20);
      await onFile.close();

      onFile = await startEmulator({ file });
      const [kept] = (await onFile.get('/_wxlocal/faults')).json.faults;
      expect(kept).toEqual({ ...armed, fired: [...before].filter((c) => c === 'x').length });
      const after = await pattern(onFile, world.mpToken, 20);
      await onFile.close();

      await arm(rule);
      expect(before + after).toBe(await pattern(h, w.mpToken, 40));
      expect(before).toContain('x');
      expect(before).toContain('.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rule brought in by a state document with an uncatalogued errcode answers -1, not a failure', async () => {
    await arm({ endpoint: 'getSearchStatus', errcode: 45009 });
    const state = (await h.get('/_wxlocal/state')).json;
    state.tables.fault_rules[0].errcode = 12345678;
    expect((await h.call('PUT', '/_wxlocal/state', state)).status).toBe(200);
    const answer = await h.get(getStatusPath());
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ errcode: -1, errmsg: expect.stringMatching(/^system error rid: /) });
  });

  it('a rule goes into snapshots and the state document; reset removes it', async () => {
    const armed = await arm({ endpoint: 'getSearchStatus', errcode: 45009, count: 2 });
    const snapshot = (await h.post('/_wxlocal/snapshots')).json;
    await h.call('DELETE', '/_wxlocal/faults');
    expect(await searchStatus()).toBe(0);
    await h.post(`/_wxlocal/snapshots/${snapshot.id}/restore`);
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [armed] });
    expect((await h.get(getStatusPath())).json.errcode).toBe(45009);

    const state = (await h.get('/_wxlocal/state')).json;
    expect(state.tables.fault_rules).toEqual([
      expect.objectContaining({
        id: armed.id,
        endpoint: 'getSearchStatus',
        errcode: 45009,
        count: 2,
        fired: 1,
      }),
    ]);
    const other = await startEmulator();
    try {
      expect((await other.call('PUT', '/_wxlocal/state', state)).status).toBe(200);
      expect((await other.get('/_wxlocal/faults')).json).toEqual({
        faults: [{ ...armed, fired: 1, remaining: 1 }],
      });
      expect((await other.get(getStatusPath())).json.errcode).toBe(45009);
      expect(await searchStatus(other)).toBe(0);
    } finally {
      await other.close();
    }

    await h.post('/_wxlocal/reset');
    expect((await h.get('/_wxlocal/faults')).json).toEqual({ faults: [] });
  });
});
