import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions } from '../src/app.js';
import { Journal, RingRecords } from '../src/http/journal.js';
import { createWorld, type Harness, RID, startEmulator } from './helpers.js';

// What the web console is built on (README "Control plane"): the request log with bodies, the event stream,
// faults cleared per endpoint, and the console's files served under /_wxlocal/ui/.

const masked = (value: string) => `${value.slice(0, 6)}…`;
const noBody = { bytes: Buffer.alloc(0), size: 0 };

let h: Harness;
const started: Harness[] = [];
afterEach(async () => {
  for (const harness of started.splice(0)) await harness.close();
});

async function start(options: EmulatorOptions = {}): Promise<Harness> {
  const harness = await startEmulator(options);
  started.push(harness);
  return harness;
}

describe('requests.get: one call with what it carried and got', () => {
  it('shows the query, the body as sent and the answer, every secret cut to 6 characters', async () => {
    h = await start();
    const world = await createWorld(h);
    const grant = (
      await h.post('/_wxlocal/authorizations', {
        component_appid: world.platform.appid,
        authorizer_appid: world.miniProgram.appid,
        func_info: [18],
      })
    ).json;
    const body = `{\n  "component_appid": "${world.platform.appid}",\n  "authorization_code": "${grant.authorization_code}"\n}`;
    const answer = (
      await h.post(
        `/cgi-bin/component/api_query_auth?component_access_token=${world.componentToken}&lang=zh_CN`,
        body,
      )
    ).json;
    const info = answer.authorization_info;
    expect(info.authorizer_access_token).toEqual(expect.any(String));

    const [entry] = (await h.get('/_wxlocal/requests?limit=1')).json.requests;
    const shown = await h.get(`/_wxlocal/requests/${entry.rid}`);
    expect(shown.status).toBe(200);
    expect(shown.json).toEqual({
      time: entry.time,
      method: 'POST',
      path: '/cgi-bin/component/api_query_auth',
      endpoint: 'getAuthorizerRefreshToken',
      appid: world.platform.appid,
      errcode: 0,
      rid: entry.rid,
      request: {
        query: { component_access_token: masked(world.componentToken), lang: 'zh_CN' },
        body: `{\n  "component_appid": "${world.platform.appid}",\n  "authorization_code": "${masked(grant.authorization_code)}"\n}`,
      },
      answer: {
        authorization_info: {
          ...info,
          authorizer_access_token: masked(info.authorizer_access_token),
          authorizer_refresh_token: masked(info.authorizer_refresh_token),
        },
      },
    });
    // Only what is shown is masked: the call's own answer was whole.
    expect(info.authorizer_access_token.length).toBeGreaterThan(7);
  });

  it('keeps a body up to 16 KB: a longer one is cut, a secret it was cut in still masked', async () => {
    h = await start();
    const secret = '0123456789abcdef0123456789abcdef';
    const head = '{"pad":"';
    const name = '","component_appsecret":"';
    const pad = 'a'.repeat(16 * 1024 - head.length - name.length - 10);
    const body = `${head}${pad}${name}${secret}","component_appid":"wx0"}`;
    await h.post('/cgi-bin/component/api_component_token', body);
    const [entry] = (await h.get('/_wxlocal/requests?limit=1')).json.requests;
    const shown = (await h.get(`/_wxlocal/requests/${entry.rid}`)).json;
    // Cut inside the secret: what is left of it is masked, and its string closed.
    expect(shown.request).toEqual({ query: {}, body: `${head}${pad}${name}${masked(secret)}"` });
    expect(shown.answer).toEqual({ errcode: 40013, errmsg: `invalid appid rid: ${entry.rid}` });
  });

  it('shows no body for a call without one; 404 for a rid it does not know', async () => {
    h = await start();
    await h.get('/wxa/getwxasearchstatus?access_token=nope');
    const [entry] = (await h.get('/_wxlocal/requests?limit=1')).json.requests;
    const shown = (await h.get(`/_wxlocal/requests/${entry.rid}`)).json;
    expect(shown.request).toEqual({ query: { access_token: 'nope…' }, body: null });
    expect(shown.answer).toEqual({ errcode: 40001, errmsg: expect.stringContaining('rid: ') });
    expect(await h.get('/_wxlocal/requests/00000000-00000000-00000000')).toMatchObject({
      status: 404,
      json: { error: 'not found' },
    });
  });
});

describe('the journal', () => {
  it('keeps no image: its answer shows as null', async () => {
    const journal = new Journal(new RingRecords(10));
    const entry = { time: 1, method: 'GET', path: '/wxa/get_qrcode', endpoint: 'getTrialQRCode', errcode: 0 };
    journal.record(
      { ...entry, appid: 'wx1', rid: 'r1' },
      { access_token: 'abcdefgh' },
      noBody,
      Buffer.from('jpeg'),
    );
    expect(await journal.find('r1')).toEqual({
      ...entry,
      appid: 'wx1',
      rid: 'r1',
      request: { query: { access_token: 'abcdef…' }, body: null },
      answer: null,
    });
  });
});

describe('requests.list: filters', () => {
  it('by appid, endpoint, errcode and part of the rid, alone and together, with limit', async () => {
    h = await start();
    const world = await createWorld(h);
    await h.get(`/wxa/getwxasearchstatus?access_token=${world.mpToken}`);
    await h.get('/wxa/getwxasearchstatus?access_token=nope');
    await h.post(`/wxa/changewxasearchstatus?access_token=${world.mpToken}`, { status: 1 });
    const all = (await h.get('/_wxlocal/requests')).json.requests;
    expect(
      all.map((entry: { endpoint: string; errcode: number }) => [entry.endpoint, entry.errcode]),
    ).toEqual([
      ['setSearchStatus', 0],
      ['getSearchStatus', 40001],
      ['getSearchStatus', 0],
      ['getComponentAccessToken', 0],
    ]);
    const [write, refused, read, token] = all;
    const list = async (query: string) => (await h.get(`/_wxlocal/requests?${query}`)).json.requests;

    expect(await list(`appid=${world.miniProgram.appid}`)).toEqual([write, read]);
    expect(await list('endpoint=getSearchStatus')).toEqual([refused, read]);
    expect(await list('errcode=0')).toEqual([write, read, token]);
    expect(await list('errcode=40001')).toEqual([refused]);
    expect(await list(`rid=${read.rid.slice(9, 17)}`)).toEqual([read]);
    expect(await list(`appid=${world.miniProgram.appid}&endpoint=getSearchStatus&errcode=0`)).toEqual([read]);
    expect(await list(`endpoint=getSearchStatus&errcode=0&rid=${write.rid}`)).toEqual([]);
    expect(await list('errcode=0&limit=2')).toEqual([write, read]);
    expect(await list('appid=wxnobody')).toEqual([]);
    expect(await h.get('/_wxlocal/requests?errcode=ok')).toMatchObject({
      status: 400,
      json: { error: 'errcode must be an integer' },
    });
  });
});

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type StreamEvent = { type: string; data: any };

/** An open event stream, read as text and parsed into events. */
interface Stream {
  text: () => string;
  events: () => StreamEvent[];
  /** Resolves once an event passes `match`; fails after a few seconds. */
  until(match: (event: StreamEvent) => boolean): Promise<void>;
  close(): void;
}

async function subscribe(harness: Harness): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${harness.baseUrl}/_wxlocal/events`, { signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  let text = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) text += decoder.decode(chunk, { stream: true });
  })().catch(() => {});
  const events = () =>
    text
      .split('\n\n')
      .slice(0, -1)
      .filter((block) => !block.startsWith(':'))
      .map((block) => {
        const [event, data] = block.split('\n');
        return {
          type: event?.replace('event: ', '') ?? '',
          data: JSON.parse(data?.replace('data: ', '') ?? ''),
        };
      });
  return {
    text: () => text,
    events,
    async until(match) {
      const deadline = Date.now() + 5000;
      while (!events().some(match)) {
        if (Date.now() > deadline) throw new Error(`no such event in:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () => {
      controller.abort();
      void reading;
    },
  };
}

describe('GET /_wxlocal/events', () => {
  it('streams a data-plane call as its journal entry, in the SSE format', async () => {
    h = await start();
    const stream = await subscribe(h);
    await h.get('/wxa/getwxasearchstatus?access_token=nope');
    await stream.until((event) => event.type === 'call');
    const [entry] = (await h.get('/_wxlocal/requests')).json.requests;
    expect(entry.rid).toMatch(RID);
    expect(stream.text()).toBe(`event: call\ndata: ${JSON.stringify(entry)}\n\n`);
    stream.close();
  });

  it('tells a state change by a control route or a data-plane write, not by a read or a GET', async () => {
    h = await start();
    const world = await createWorld(h);
    const stream = await subscribe(h);
    await h.get('/_wxlocal/accounts');
    await h.get(`/wxa/getwxasearchstatus?access_token=${world.mpToken}`);
    await h.post(`/wxa/changewxasearchstatus?access_token=${world.mpToken}`, { status: 1 });
    await h.call('PATCH', `/_wxlocal/accounts/${world.miniProgram.appid}`, { nickname: 'Renamed' });
    await h.post('/_wxlocal/accounts', { type: 'nope' });
    await stream.until((event) => event.type === 'state' && event.data.cause === 'accounts.patch');
    const [write, read] = (await h.get('/_wxlocal/requests')).json.requests;
    expect(stream.events()).toEqual([
      { type: 'call', data: read },
      { type: 'call', data: write },
      { type: 'state', data: { cause: 'setSearchStatus' } },
      { type: 'state', data: { cause: 'accounts.patch' } },
    ]);
    stream.close();
  });

  it('tells a clock move, a reset and a push', async () => {
    const receiver = await pushReceiver();
    h = await start();
    const stream = await subscribe(h);
    const now = (await h.post('/_wxlocal/clock', { advance: 3600 })).json.now;
    await stream.until((event) => event.type === 'state');
    expect(stream.events()).toEqual([
      { type: 'clock', data: { now } },
      { type: 'state', data: { cause: 'clock.move' } },
    ]);

    const platform = (await h.post('/_wxlocal/platforms', { auth_event_url: receiver.url })).json;
    const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    await h.post('/_wxlocal/authorizations', {
      component_appid: platform.appid,
      authorizer_appid: account.appid,
      func_info: [18],
    });
    await stream.until((event) => event.type === 'push' && event.data.info_type === 'authorized');
    const pushes = (await h.get('/_wxlocal/pushes')).json.pushes;
    const authorized = pushes.find((push: { info_type: string }) => push.info_type === 'authorized');
    expect(authorized).toMatchObject({ platform: platform.appid, outcome: 'delivered' });
    expect(stream.events()).toContainEqual({ type: 'push', data: authorized });

    const before = stream.events().length;
    await h.post('/_wxlocal/reset');
    await stream.until((event) => event.type === 'state' && event.data.cause === 'reset');
    // A ticket push may still come in between.
    expect(
      stream
        .events()
        .slice(before)
        .filter((event) => event.type !== 'push'),
    ).toEqual([
      { type: 'reset', data: {} },
      { type: 'clock', data: { now: expect.any(Number) } },
      { type: 'state', data: { cause: 'reset' } },
    ]);
    stream.close();
    await receiver.close();
  });

  it('tells a change made on the authorization page', async () => {
    h = await start();
    const world = await createWorld(h);
    const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const { pre_auth_code } = (await h.post(`/_wxlocal/platforms/${world.platform.appid}/pre-auth-codes`))
      .json;
    const stream = await subscribe(h);
    const page = await fetch(`${h.baseUrl}/cgi-bin/componentloginpage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        component_appid: world.platform.appid,
        pre_auth_code,
        redirect_uri: '/_wxlocal/ui/',
        authorizer_appid: account.appid,
        func_info: '18',
        decision: 'confirm',
      }),
      redirect: 'manual',
    });
    expect(page.status).toBe(302);
    await stream.until((event) => event.type === 'state');
    expect(stream.events().filter((event) => event.type !== 'push')).toEqual([
      { type: 'state', data: { cause: 'authorization page' } },
    ]);
    stream.close();
  });

  it('disconnects a subscriber that stops reading, and calls are answered all along', async () => {
    h = await start();
    const { port } = new URL(h.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    socket.pause();
    socket.write(`GET /_wxlocal/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const { events } = h.emulator.runtime;
    await until(() => events.listening);
    // Each call's event carries the appid of its query: 12 KB.
    const appid = 'x'.repeat(12_000);
    let calls = 0;
    while (events.listening && calls < 5000) {
      await Promise.all(
        Array.from({ length: 10 }, () => h.get(`/wxa/getwxasearchstatus?access_token=nope&appid=${appid}`)),
      );
      calls += 10;
    }
    expect(events.listening).toBe(false);
    const started = Date.now();
    expect((await h.get('/wxa/getwxasearchstatus?access_token=nope')).json.errcode).toBe(40001);
    expect(Date.now() - started).toBeLessThan(500);
    // What was sent before ends with the connection.
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.resume();
    await closed;
  });

  it("outlives the transport's request and keep-alive timeouts", async () => {
    const limits = { headersTimeoutMs: 300, requestTimeoutMs: 300, keepAliveTimeoutMs: 300 };
    h = await start({ transport: limits });
    const stream = await subscribe(h);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await h.get('/wxa/getwxasearchstatus?access_token=nope');
    await stream.until((event) => event.type === 'call');
    stream.close();
  });

  it('takes 32 subscribers; the 33rd is refused with 503', async () => {
    h = await start();
    const subscribers = await Promise.all(Array.from({ length: 32 }, () => rawSubscriber(h)));
    expect(subscribers.map((subscriber) => subscriber.head)).toEqual(Array(32).fill('HTTP/1.1 200 OK'));
    const refused = await h.get('/_wxlocal/events');
    expect(refused).toMatchObject({ status: 503, json: { error: 'too many event subscribers' } });
    // Once one leaves, another may come.
    subscribers[0]?.socket.destroy();
    await until(async () => (await rawSubscriber(h)).head === 'HTTP/1.1 200 OK');
  });
});

describe('faults.clear ?endpoint=', () => {
  it("disarms that endpoint's faults only", async () => {
    h = await start();
    await h.post('/_wxlocal/faults', { endpoint: 'getSearchStatus', errcode: -1, count: 2 });
    await h.post('/_wxlocal/faults', { endpoint: 'getComponentAccessToken', errcode: 45009 });
    expect(await h.call('DELETE', '/_wxlocal/faults?endpoint=/wxa/getwxasearchstatus')).toMatchObject({
      status: 200,
      json: { faults: [{ endpoint: 'getComponentAccessToken', errcode: 45009, remaining: 1 }] },
    });
    expect((await h.get('/wxa/getwxasearchstatus?access_token=nope')).json.errcode).toBe(40001);
    expect((await h.post('/cgi-bin/component/api_component_token', {})).json.errcode).toBe(45009);
    await h.post('/_wxlocal/faults', { endpoint: 'getSearchStatus', errcode: -1 });
    expect((await h.call('DELETE', '/_wxlocal/faults?endpoint=getSearchStatus')).json).toEqual({
      faults: [],
    });
    expect(await h.call('DELETE', '/_wxlocal/faults?endpoint=nope')).toMatchObject({
      status: 400,
      json: { error: 'endpoint: unknown interface "nope" (an interface name, a path or "*")' },
    });
  });
});

describe('the console under /_wxlocal/ui/', () => {
  function builtConsole(): URL {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-console-'));
    mkdirSync(join(dir, 'ui'));
    writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'ui', 'app.js'), 'console.log(1);');
    writeFileSync(join(dir, 'ui', 'app.css'), 'body{}');
    writeFileSync(join(dir, 'ui', 'notes.txt'), 'not served');
    writeFileSync(join(dir, 'secret.json'), '{"outside":true}');
    return pathToFileURL(join(dir, 'ui/'));
  }

  it('serves the index, its files with their types, and the index for any other path', async () => {
    h = await start({ consoleDir: builtConsole() });
    const index = await h.get('/_wxlocal/ui/');
    expect(index).toMatchObject({ status: 200, text: '<!doctype html><title>console</title>' });
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = await h.get('/_wxlocal/ui/app.js');
    expect(script).toMatchObject({ status: 200, text: 'console.log(1);' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect((await h.get('/_wxlocal/ui/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/_wxlocal/ui/platforms/wx1', '/_wxlocal/ui/gone.js', '/_wxlocal/ui/notes.txt']) {
      expect(await h.get(path), path).toMatchObject({ status: 200, text: index.text });
    }
    for (const path of ['/_wxlocal/ui/..%2Fsecret.json', '/_wxlocal/ui/%2E%2E/secret.json']) {
      expect(await raw(h.baseUrl, path), path).toMatchObject({ status: 200, text: index.text });
    }
    expect(await raw(h.baseUrl, '/_wxlocal/ui')).toMatchObject({ status: 302, location: '/_wxlocal/ui/' });
  });

  it('answers 404 with what to do while the console is not built', async () => {
    h = await start({ consoleDir: pathToFileURL(join(tmpdir(), 'wxlocal-no-console/')) });
    expect(await h.get('/_wxlocal/ui/')).toMatchObject({
      status: 404,
      json: { error: 'the console is not built: run npm run build' },
    });
  });

  it('sends a browser on from the base URL; other clients get what they always got', async () => {
    h = await start({ consoleDir: builtConsole() });
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const path of ['/', '/_wxlocal/', '/_wxlocal']) {
      expect(await raw(h.baseUrl, path, browser), path).toMatchObject({
        status: 302,
        location: '/_wxlocal/ui/',
      });
    }
    const index = await h.get('/_wxlocal/');
    expect(index.status).toBe(200);
    expect(index.json.routes).toContainEqual(expect.objectContaining({ call: 'GET /_wxlocal/events' }));
    expect(await h.get('/')).toMatchObject({ status: 404, json: { error: 'not found' } });
    expect(await h.get('/_wxlocal')).toMatchObject({ status: 404, json: { error: 'not found' } });
    expect(await h.call('GET', '/', undefined, { accept: 'application/json' })).toMatchObject({
      status: 404,
    });
  });
});

describe('bound to another address', () => {
  let emulator: Emulator;
  afterEach(() => emulator.close());

  it('serves the console without the admin token; its API and the event stream need it', async () => {
    emulator = await createEmulator({ memory: true, consoleDir: builtConsoleDir() });
    const base = (await emulator.listen(0, '0.0.0.0')).replace('0.0.0.0', '127.0.0.1');
    const token = { authorization: `Bearer ${emulator.adminToken}` };
    expect(await raw(base, '/_wxlocal/ui/')).toMatchObject({ status: 200, text: '<p>console</p>' });
    expect(await raw(base, '/_wxlocal/', { accept: 'text/html' })).toMatchObject({
      status: 302,
      location: '/_wxlocal/ui/',
    });
    expect((await raw(base, '/_wxlocal/health')).status).toBe(401);
    expect((await raw(base, '/_wxlocal/events')).status).toBe(401);
    expect(await raw(base, '/_wxlocal/events', { ...token, origin: 'https://evil.example' })).toMatchObject({
      status: 403,
      json: { error: 'requests from another origin may not drive the control plane' },
    });
    const stream = await fetch(`${base}/_wxlocal/events`, { headers: token });
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
  });

  function builtConsoleDir(): URL {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-console-'));
    writeFileSync(join(dir, 'index.html'), '<p>console</p>');
    return pathToFileURL(`${dir}/`);
  }
});

/** A raw GET, so that the path and headers go as given and a redirect is not followed. */
function raw(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location: string | undefined; text: string; json: unknown }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, text, json });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A subscriber on a connection of its own: the first line of its answer. */
async function rawSubscriber(harness: Harness): Promise<{ head: string; socket: Socket }> {
  const { port } = new URL(harness.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  socket.setEncoding('utf8');
  socket.write(`GET /_wxlocal/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const [text] = (await once(socket, 'data')) as [string];
  return { head: text.split('\r\n')[0] ?? '', socket };
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A platform's callback that answers `success`. */
async function pushReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume().on('end', () => response.end('success'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
