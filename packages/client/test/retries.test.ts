import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, createClient, HttpError, type LogEvent, WeChatError } from '../src/index.js';

/** What the test server does with its next request. */
type Step =
  | { reset: true }
  | { hang: true }
  | { status: number; body: string; headers?: Record<string, string> }
  | { json: object };

const STABLE = { access_token: 'stable-token', expires_in: 7200 };
const ok = (json: object = STABLE): Step => ({ json });

let server: Server;
let baseUrl: string;
let steps: Step[];
let seen: IncomingMessage[];

beforeEach(async () => {
  steps = [];
  seen = [];
  server = createServer((request, response) => {
    seen.push(request);
    const step = steps.shift() ?? ok();
    request.resume();
    if ('reset' in step) request.socket.destroy();
    else if ('hang' in step) return;
    else if ('json' in step)
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(step.json));
    else response.writeHead(step.status, step.headers).end(step.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(options: Partial<ClientOptions> = {}) {
  const events: LogEvent[] = [];
  const created = createClient({
    componentAppid: 'wx0000000000000001',
    componentSecret: 'secret',
    baseUrl,
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

describe('retries of a call that may be repeated', () => {
  it('retries a socket reset, a 502, a timeout and a 429, with doubling pauses', async () => {
    steps = [{ reset: true }, { status: 502, body: 'Bad Gateway' }, { hang: true }, ok()];
    const { tokenless, retries } = client();
    expect(await tokenless.getStableAccessToken(stable)).toEqual(STABLE);
    expect(seen).toHaveLength(4);
    expect(retries()).toEqual([
      ['network', 10, 1],
      ['HTTP 502', 20, 2],
      ['timeout', 40, 3],
    ]);

    steps = [{ status: 429, body: 'Too Many Requests', headers: { 'retry-after': '0.05' } }, ok()];
    const limited = client();
    expect(await limited.tokenless.getStableAccessToken(stable)).toEqual(STABLE);
    // Retry-After is waited for when it is longer than the backoff.
    expect(limited.retries()).toEqual([['HTTP 429', 50, 1]]);
  });

  it('gives up after `retries` retries with the last error, and never retries a business errcode', async () => {
    steps = Array.from({ length: 5 }, () => ({ status: 503, body: 'Service Unavailable' }));
    const { tokenless } = client();
    const error = await tokenless.getStableAccessToken(stable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(seen).toHaveLength(4);

    seen = [];
    steps = [{ json: { errcode: 40125, errmsg: 'invalid appsecret rid: 1-2-3' } }];
    await expect(client().tokenless.getStableAccessToken(stable)).rejects.toMatchObject({ errcode: 40125 });
    expect(seen).toHaveLength(1);
  });

  it('stops retrying once maxElapsedMs has passed', async () => {
    steps = Array.from({ length: 5 }, () => ({ hang: true }));
    const { tokenless } = client({ timeoutMs: 60, retry: { delayMs: 10, jitter: 0, maxElapsedMs: 100 } });
    await expect(tokenless.getStableAccessToken(stable)).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen).toHaveLength(2);
  });

  it('a force_refresh stable token is not repeated after a lost answer', async () => {
    steps = [{ status: 502, body: 'Bad Gateway' }];
    await expect(
      client().tokenless.getStableAccessToken({ ...stable, force_refresh: true }),
    ).rejects.toMatchObject({ status: 502 });
    expect(seen).toHaveLength(1);
  });
});

describe('retries of a call that may not be repeated', () => {
  it('is retried after errcode -1, never after a 502, a 429 or a reset that may have reached WeChat', async () => {
    steps = [
      { json: { errcode: -1, errmsg: 'system error rid: 1-2-3' } },
      { json: { errcode: 0, errmsg: 'ok' } },
    ];
    const { tokenless, retries } = client();
    expect(await tokenless.startPushTicket(startPush)).toEqual({});
    expect(retries()).toEqual([['errcode -1', 10, 1]]);

    for (const step of [
      { status: 502, body: 'Bad Gateway' },
      { status: 429, body: 'slow down' },
      { reset: true },
    ]) {
      seen = [];
      steps = [step as Step];
      await expect(client().tokenless.startPushTicket(startPush)).rejects.toBeInstanceOf(HttpError);
      expect(seen).toHaveLength(1);
    }
  });

  it('is retried when the connection was never made', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { tokenless, retries } = client({ baseUrl: `http://127.0.0.1:${port}` });
    await expect(tokenless.startPushTicket(startPush)).rejects.toMatchObject({ kind: 'network' });
    expect(retries()).toEqual([
      ['network', 10, 1],
      ['network', 20, 2],
      ['network', 40, 3],
    ]);
  });
});

describe('per-call options, fetch and hooks', () => {
  it('a per-call timeout and signal; an abort stops the retries', async () => {
    steps = [{ hang: true }, ok()];
    const { tokenless, retries } = client({ timeoutMs: 5000 });
    expect(await tokenless.getStableAccessToken(stable, { timeoutMs: 50 })).toEqual(STABLE);
    expect(retries()).toEqual([['timeout', 10, 1]]);

    seen = [];
    steps = [{ status: 502, body: 'Bad Gateway' }, ok()];
    const controller = new AbortController();
    const slow = client({ retry: { delayMs: 10_000, jitter: 0, maxDelayMs: 10_000 } });
    const call = slow.tokenless.getStableAccessToken(stable, { signal: controller.signal });
    await vi.waitFor(() => expect(slow.retries()).toHaveLength(1));
    controller.abort(new Error('caller gave up'));
    await expect(call).rejects.toThrow('caller gave up');
    expect(seen).toHaveLength(1);
  });

  it('sends through the fetch given, and calls the hooks around each attempt', async () => {
    steps = [{ status: 502, body: 'Bad Gateway' }, ok()];
    const fetched: string[] = [];
    const answered: [number, number, unknown][] = [];
    const { tokenless } = client({
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
      `${baseUrl}/cgi-bin/stable_token?via=hook`,
      `${baseUrl}/cgi-bin/stable_token?via=hook`,
    ]);
    expect(seen.map((request) => request.headers['x-trace'])).toEqual(['trace-1', 'trace-1']);
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
  it('keeps errcode, errmsg and rid', async () => {
    steps = [{ json: { errcode: 85083, errmsg: 'search status can not be changed rid: 6-7-8' } }];
    const error = await client()
      .tokenless.getStableAccessToken(stable)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    expect(error).toMatchObject({ errcode: 85083, rid: '6-7-8' });
  });
});
