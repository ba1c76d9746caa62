import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { controlClient } from '../../emulator/src/embed/control-client.js';
import { type ClientOptions, createClient, HttpError, type LogEvent, WeChatError } from '../src/index.js';
import { createPlatform, type Harness, journal, type Platform, startEmulator } from './helpers.js';

/**
 * The client's retries against the emulator's fault rules (a reset, a gateway's 5xx, a hang, errcode -1 at a
 * probability); what the emulator cannot give (a 429 with Retry-After, a closed port, the headers a server
 * received) against a hand-made server.
 */

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** An emulator with a published platform and its accounts; `faults` arms fault rules on it. */
async function emulator() {
  const h = await startEmulator();
  onTestFinished(() => h.close());
  const platform = await createPlatform(h);
  return { h, platform, faults: controlClient(h.baseUrl).faults };
}

/** What each call of `endpoint` got, oldest first, as the emulator's request journal marks it. */
async function answers(h: Harness, endpoint: string): Promise<string[]> {
  return (await journal(h))
    .filter((entry) => entry.endpoint === endpoint)
    .map(({ fault }) => {
      if (fault?.network) return fault.network;
      if (fault?.status !== undefined) return `HTTP ${fault.status}`;
      if (fault?.errcode !== undefined) return `errcode ${fault.errcode}`;
      return 'answered';
    });
}

/**
 * How many calls of `endpoint` got each answer. A hung call may be journaled once its connection closes,
 * after the calls that followed it, so tests with a hang compare counts rather than order.
 */
async function tally(h: Harness, endpoint: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const answer of await answers(h, endpoint)) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}

/** What the hand-made server does with its next request. */
type Step =
  | { reset: true }
  | { status: number; body: string; headers?: Record<string, string> }
  | { json: object };

const STABLE = { access_token: 'stable-token', expires_in: 7200 };
const ok = (json: object = STABLE): Step => ({ json });

/** A server that answers each request with the next step (then `ok()`), and the requests it received. */
async function handMadeServer(steps: Step[]) {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    const step = steps.shift() ?? ok();
    request.resume();
    if ('reset' in step) request.socket.destroy();
    else if ('json' in step)
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(step.json));
    else response.writeHead(step.status, step.headers).end(step.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function client(options: Partial<ClientOptions> & { baseUrl: string }) {
  const events: LogEvent[] = [];
  const created = createClient({
    componentAppid: 'wx0000000000000001',
    componentSecret: 'secret',
    timeoutMs: 200,
    retry: { delayMs: 10, jitter: 0 },
    logger: (event) => void events.push(event),
    ...options,
  });
  const retries = () =>
    events.flatMap((event) => (event.type === 'retry' ? [[event.reason, event.delayMs, event.attempt]] : []));
  return { tokenless: created.tokenless(), retries, created };
}

/** stable_token without force_refresh: the same call twice changes nothing, so any failure may be retried. */
const stable = { grant_type: 'client_credential', appid: 'wx0000000000000002', secret: 's' };
/** api_start_push_ticket: not idempotent, so only a call that never left is retried. */
const startPush = { component_appid: 'wx0000000000000001', component_secret: 'secret' };
/** The same calls with the credentials the emulator knows. */
const stableOf = ({ miniProgram }: Platform) => ({
  ...stable,
  appid: miniProgram.appid,
  secret: miniProgram.secret,
});
const startPushOf = ({ component }: Platform) => ({
  component_appid: component.appid,
  component_secret: component.secret,
});
const STABLE_TOKEN = { access_token: expect.any(String), expires_in: expect.any(Number) };

describe('retries of a call that may be repeated', () => {
  it('retries a socket reset, a 502 and a timeout, with doubling pauses', async () => {
    const { h, platform, faults } = await emulator();
    for (const effect of [{ network: 'reset' }, { status: 502 }, { network: 'hang', hang_ms: 400 }] as const)
      await faults.inject({ endpoint: 'getStableAccessToken', ...effect });
    const { tokenless, retries } = client({ baseUrl: h.baseUrl });
    expect(await tokenless.getStableAccessToken(stableOf(platform))).toEqual(STABLE_TOKEN);
    expect(retries()).toEqual([
      ['network', 10, 1],
      ['HTTP 502', 20, 2],
      ['timeout', 40, 3],
    ]);
    await vi.waitFor(async () =>
      expect(await tally(h, 'getStableAccessToken')).toEqual({
        reset: 1,
        'HTTP 502': 1,
        hang: 1,
        answered: 1,
      }),
    );
  });

  it('waits for a Retry-After longer than the backoff (HTTP 429)', async () => {
    const server = await handMadeServer([
      { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '0.05' } },
      ok(),
    ]);
    const limited = client({ baseUrl: server.baseUrl });
    expect(await limited.tokenless.getStableAccessToken(stable)).toEqual(STABLE);
    expect(limited.retries()).toEqual([['HTTP 429', 50, 1]]);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const { h, platform, faults } = await emulator();
    await faults.inject({ endpoint: 'getStableAccessToken', status: 503, count: null });
    const error = await client({ baseUrl: h.baseUrl })
      .tokenless.getStableAccessToken(stableOf(platform))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(await answers(h, 'getStableAccessToken')).toEqual(Array(4).fill('HTTP 503'));
  });

  it('never retries a business errcode', async () => {
    const { h, platform } = await emulator();
    const wrongSecret = { ...stableOf(platform), secret: 'not-the-secret' };
    await expect(
      client({ baseUrl: h.baseUrl }).tokenless.getStableAccessToken(wrongSecret),
    ).rejects.toMatchObject({ errcode: 40125 });
    expect(await answers(h, 'getStableAccessToken')).toEqual(['answered']);
  });

  it('stops retrying once maxElapsedMs has passed', async () => {
    const { h, platform, faults } = await emulator();
    await faults.inject({ endpoint: 'getStableAccessToken', network: 'hang', hang_ms: 300, count: null });
    const { tokenless } = client({
      baseUrl: h.baseUrl,
      timeoutMs: 60,
      retry: { delayMs: 10, jitter: 0, maxElapsedMs: 100 },
    });
    await expect(tokenless.getStableAccessToken(stableOf(platform))).rejects.toMatchObject({
      kind: 'timeout',
    });
    await vi.waitFor(async () => expect(await tally(h, 'getStableAccessToken')).toEqual({ hang: 2 }));
  });

  it('a force_refresh stable token is not repeated after a lost answer', async () => {
    const { h, platform, faults } = await emulator();
    // WeChat refreshed the token, then the answer was lost on the way back.
    await faults.inject({ endpoint: 'getStableAccessToken', status: 502, after_commit: true });
    await expect(
      client({ baseUrl: h.baseUrl }).tokenless.getStableAccessToken({
        ...stableOf(platform),
        force_refresh: true,
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(await answers(h, 'getStableAccessToken')).toEqual(['HTTP 502']);
  });
});

describe('retries of a call that may not be repeated', () => {
  it('is retried after errcode -1, never after a 502 or a reset that may have reached WeChat', async () => {
    const { h, platform, faults } = await emulator();
    await faults.inject({ endpoint: 'startPushTicket', errcode: -1 });
    const { tokenless, retries } = client({ baseUrl: h.baseUrl });
    expect(await tokenless.startPushTicket(startPushOf(platform))).toEqual({});
    expect(retries()).toEqual([['errcode -1', 10, 1]]);

    for (const effect of [{ status: 502 }, { network: 'reset' }] as const) {
      await faults.inject({ endpoint: 'startPushTicket', ...effect });
      await expect(
        client({ baseUrl: h.baseUrl }).tokenless.startPushTicket(startPushOf(platform)),
      ).rejects.toBeInstanceOf(HttpError);
    }
    expect(await answers(h, 'startPushTicket')).toEqual(['errcode -1', 'answered', 'HTTP 502', 'reset']);
  });

  it('is never retried after a 429', async () => {
    const server = await handMadeServer([{ status: 429, body: 'slow down' }]);
    await expect(
      client({ baseUrl: server.baseUrl }).tokenless.startPushTicket(startPush),
    ).rejects.toBeInstanceOf(HttpError);
    expect(server.seen).toHaveLength(1);
  });

  it('errcode -1 at a probability: each call is retried until it gets through, the same seed the same way', async () => {
    /** Twenty calls, one after the other, while a rule answers -1 to half of them by draw. */
    const run = async () => {
      const { h, platform, faults } = await emulator();
      await faults.inject({
        endpoint: 'startPushTicket',
        errcode: -1,
        probability: 0.5,
        seed: 7,
        count: null,
      });
      const calls: { ok: boolean; retries: number }[] = [];
      for (let i = 0; i < 20; i++) {
        const { tokenless, retries } = client({ baseUrl: h.baseUrl, retry: { delayMs: 1, jitter: 0 } });
        const ok = await tokenless.startPushTicket(startPushOf(platform)).then(
          () => true,
          (error: unknown) => {
            expect(error).toMatchObject({ errcode: -1 });
            return false;
          },
        );
        calls.push({ ok, retries: retries().length });
      }
      return { calls, answers: await answers(h, 'startPushTicket') };
    };
    const first = await run();
    // The emulator answered each attempt the client made: -1 for each retried one, then the answer.
    expect(first.answers).toEqual(
      first.calls.flatMap(({ ok, retries }) => [
        ...Array(retries).fill('errcode -1'),
        ok ? 'answered' : 'errcode -1',
      ]),
    );
    expect(first.calls.some(({ retries }) => retries > 0)).toBe(true);
    expect(first.calls.some(({ retries }) => retries === 0)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('is retried when the connection was never made', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { tokenless, retries } = client({ baseUrl: `http://127.0.0.1:${port}` });
    await expect(tokenless.startPushTicket(startPush)).rejects.toMatchObject({
      kind: 'network',
    });
    expect(retries()).toEqual([
      ['network', 10, 1],
      ['network', 20, 2],
      ['network', 40, 3],
    ]);
  });
});

describe('per-call options, fetch and hooks', () => {
  it('a per-call timeout and signal; an abort stops the retries', async () => {
    const { h, platform, faults } = await emulator();
    const stable = stableOf(platform);
    await faults.inject({ endpoint: 'getStableAccessToken', network: 'hang', hang_ms: 300 });
    const { tokenless, retries } = client({ baseUrl: h.baseUrl, timeoutMs: 5000 });
    expect(await tokenless.getStableAccessToken(stable, { timeoutMs: 50 })).toEqual(STABLE_TOKEN);
    expect(retries()).toEqual([['timeout', 10, 1]]);

    await faults.inject({ endpoint: 'getStableAccessToken', status: 502 });
    const controller = new AbortController();
    const slow = client({ baseUrl: h.baseUrl, retry: { delayMs: 10_000, jitter: 0, maxDelayMs: 10_000 } });
    const call = slow.tokenless.getStableAccessToken(stable, { signal: controller.signal });
    await vi.waitFor(() => expect(slow.retries()).toHaveLength(1));
    controller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
    await vi.waitFor(async () =>
      expect(await tally(h, 'getStableAccessToken')).toEqual({ hang: 1, answered: 1, 'HTTP 502': 1 }),
    );
  });

  it('sends through the fetch given, and calls the hooks around each attempt', async () => {
    const server = await handMadeServer([{ status: 502, body: 'Bad Gateway' }, ok()]);
    const fetched: string[] = [];
    const answered: [number, number, unknown][] = [];
    const { tokenless } = client({
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        fetched.push(String(input));
        return fetch(input, init);
      },
      hooks: {
        beforeRequest: ({ init, url }) => {
          init.headers = { ...(init.headers as Record<string, string>), 'x-trace': 'trace-1' };
          url.searchParams.set('via', 'hook');
        },
        afterResponse: ({ status, attempt, body }) => void answered.push([status, attempt, body]),
      },
    });
    await tokenless.getStableAccessToken(stable);
    expect(fetched).toEqual([
      `${server.baseUrl}/cgi-bin/stable_token?via=hook`,
      `${server.baseUrl}/cgi-bin/stable_token?via=hook`,
    ]);
    expect(server.seen.map((request) => request.headers['x-trace'])).toEqual(['trace-1', 'trace-1']);
    expect(answered).toEqual([
      [502, 0, undefined],
      [200, 1, STABLE],
    ]);
  });

  it('waits the backoff before each retry (fake timers), jitter drawn below the doubling', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fetchMock = vi.fn(async () => new Response('Bad Gateway', { status: 502 }));
    const { tokenless } = client({
      baseUrl: 'http://wechat.invalid',
      fetch: fetchMock,
      retry: { delayMs: 100, jitter: 0.5, retries: 2 },
    });
    const call = tokenless.getStableAccessToken(stable).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // First pause: 100 ms × (1 − 0.5 × 0.5) = 75 ms.
    await vi.advanceTimersByTimeAsync(74);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // Second: 200 ms × 0.75 = 150 ms.
    await vi.advanceTimersByTimeAsync(149);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(await call).toMatchObject({ kind: 'http', status: 502 });
  });
});

describe('WeChat errors', () => {
  it('retries -1, never the quota refusals 45009 and 45011, even on a call that may be repeated', async () => {
    const answers = [
      { errcode: -1, errmsg: 'system error' },
      { errcode: 45009, errmsg: 'reach max api daily quota limit rid: 1-2-3' },
      { errcode: 45011, errmsg: 'api minute-quota reach limit, must slower, retry next minute rid: 4-5-6' },
    ];
    const fetchMock = vi.fn(async () => Response.json(answers.shift() ?? STABLE));
    const { tokenless, retries } = client({ baseUrl: 'http://wechat.invalid', fetch: fetchMock });
    await expect(tokenless.getStableAccessToken(stable)).rejects.toMatchObject({ errcode: 45009 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await expect(tokenless.getStableAccessToken(stable)).rejects.toMatchObject({ errcode: 45011 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(retries()).toEqual([['errcode -1', 10, 1]]);
  });

  it('keeps errcode, errmsg and rid', async () => {
    const server = await handMadeServer([
      { json: { errcode: 85083, errmsg: 'search status can not be changed rid: 6-7-8' } },
    ]);
    const error = await client({ baseUrl: server.baseUrl })
      .tokenless.getStableAccessToken(stable)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    expect(error).toMatchObject({ errcode: 85083, rid: '6-7-8' });
  });
});
