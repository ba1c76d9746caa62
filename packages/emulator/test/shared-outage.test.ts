import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startWxlocal } from '../src/index.js';
import { type Harness, startEmulator, wxError } from './helpers.js';
import { emptyDatabase, freshDatabase, postgresUrl, type TestDatabase } from './postgres/databases.js';
import { type PostgresServer, startPostgres } from './postgres/server.js';

// Runs in the suite's PostgreSQL run only (vitest.config.ts): instances and the database failing under load.

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A platform and its component token, created through `h`. */
async function platformOn(h: Harness): Promise<{ appid: string; token: string }> {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  const component = await h.post('/cgi-bin/component/api_component_token', {
    component_appid: platform.appid,
    component_appsecret: platform.secret,
    component_verify_ticket: platform.verify_ticket,
  });
  return { appid: platform.appid, token: component.json.component_access_token };
}

interface Answered {
  status: number;
  errcode: number;
  code?: string;
}

/** Asks `base` for pre_auth_codes on `connections` connections until `stop()` says so (or the server is gone). */
function preAuthCodeLoad(base: string, platform: { appid: string; token: string }, connections = 8) {
  const answered: Answered[] = [];
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      try {
        const response = await fetch(
          `${base}/cgi-bin/component/api_create_preauthcode?component_access_token=${platform.token}`,
          { method: 'POST', body: JSON.stringify({ component_appid: platform.appid }) },
        );
        const json = (await response.json()) as { errcode?: number; pre_auth_code?: string };
        answered.push({ status: response.status, errcode: json.errcode ?? 0, code: json.pre_auth_code });
      } catch {
        return; // the instance is gone
      }
    }
  };
  const loops = Promise.all(Array.from({ length: connections }, loop));
  return {
    answered,
    async stop() {
      stopped = true;
      await loops;
    },
  };
}

/** Whether the authorization page, served by `h`, takes this pre_auth_code (it exists and is unused). */
async function pageTakes(h: Harness, appid: string, code: string): Promise<boolean> {
  const query = new URLSearchParams({
    component_appid: appid,
    pre_auth_code: code,
    redirect_uri: 'https://platform.example.com/authorized',
  });
  return (await fetch(`${h.baseUrl}/cgi-bin/componentloginpage?${query}`)).status === 200;
}

/** Waits until `done()` holds, running `look` before each check. */
async function until(done: () => boolean, look?: () => Promise<void>): Promise<void> {
  for (let waited = 0; ; waited += 20) {
    await look?.();
    if (done()) return;
    if (waited > 10_000) throw new Error('waited 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `wxlocal serve` in a process of its own; resolves with its URL once it listens. */
async function serveProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`))),
  );
  const listening = until(() => /listening on (\S+)/.test(output)).then(
    () => (/listening on (\S+)/.exec(output) as RegExpExecArray)[1] as string,
  );
  return { child, url: await Promise.race([listening, exited]) };
}

describe('starting on PostgreSQL', () => {
  it('wxlocal serve takes WXLOCAL_DATABASE_URL; startWxlocal takes database: both serve one state', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.release());
    const { child, url } = await serveProcess([], { WXLOCAL_DATABASE_URL: database.url });
    cleanups.push(() => child.kill('SIGKILL'));
    const embedded = await startWxlocal({ database: database.url, demo: false });
    cleanups.push(() => embedded.close());
    expect((await embedded.control.health()).store).toBe('postgres');
    // The CLI's demo seed is in the database both serve.
    const accounts = (await embedded.control.accounts.list()).accounts.map((account) => account.appid);
    expect(accounts).toContain('wxd0c0de0000000003');
    const health = (await (await fetch(`${url}/_wxlocal/health`)).json()) as { store: string };
    expect(health.store).toBe('postgres');
  });
});

describe('a statement that runs past --database-statement-timeout', () => {
  it('ends its call with -1 system error; the next calls are served', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.release());
    const h = await startEmulator({ database: database.url, databaseStatementTimeoutMs: 300 });
    cleanups.push(() => h.close());
    const platform = await platformOn(h);
    const path = `/cgi-bin/component/api_create_preauthcode?component_access_token=${platform.token}`;
    // Another session holds the tokens table: the call's lookup waits for it, past the timeout.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    cleanups.push(() => blocker.end());
    await blocker.query('begin; lock table tokens in access exclusive mode');
    const started = Date.now();
    const blocked = await h.post(path, { component_appid: platform.appid });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(blocked.status).toBe(200);
    expect(wxError(blocked.json)).toEqual({ errcode: -1, base: 'system error' });
    await blocker.query('rollback');
    expect((await h.post(path, { component_appid: platform.appid })).json.pre_auth_code).toBeDefined();
  });
});

describe('instances starting together on a new database', () => {
  it('migrate it once: all of them serve', async () => {
    const database = await emptyDatabase();
    cleanups.push(() => database.drop());
    const started = await Promise.all(
      Array.from({ length: 3 }, () => startEmulator({ database: database.url })),
    );
    for (const h of started) cleanups.push(() => h.close());
    const platform = (await started[0]?.post('/_wxlocal/platforms', {}))?.json;
    for (const h of started) {
      expect((await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).status).toBe(200);
    }
  });
});

describe('an instance killed during a write load', () => {
  it('every pre_auth_code it answered is in the database; the other instance goes on serving', async () => {
    const database: TestDatabase = await freshDatabase();
    cleanups.push(() => database.release());
    const other = await startEmulator({ database: database.url });
    cleanups.push(() => other.close());
    const platform = await platformOn(other);
    const { child, url } = await serveProcess(['--no-demo', '--database', database.url]);
    cleanups.push(() => child.kill('SIGKILL'));

    const load = preAuthCodeLoad(url, platform);
    await until(() => load.answered.length >= 100);
    child.kill('SIGKILL');
    await load.stop();

    const codes = load.answered.filter((answer) => answer.errcode === 0).map((answer) => answer.code);
    expect(codes.length).toBeGreaterThanOrEqual(100);
    for (const code of codes) expect(await pageTakes(other, platform.appid, code as string), code).toBe(true);
    const after = preAuthCodeLoad(other.baseUrl, platform, 1);
    await until(() => after.answered.length >= 5);
    await after.stop();
    expect(after.answered.every((answer) => answer.errcode === 0)).toBe(true);
  });
});

describe('an instance killed while it delivers a push', () => {
  it('leaves it to another instance once its claim runs out; the push log says it was a second attempt', async () => {
    const database = await freshDatabase();
    cleanups.push(() => database.release());
    const received: string[] = [];
    const receiver = createServer((request, response) => {
      request.resume();
      received.push(request.url ?? '');
      // The first delivery never gets an answer: its sender is killed while it waits.
      if (received.length > 1) response.end('success');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      receiver.closeAllConnections();
      receiver.close();
    });
    const { child, url } = await serveProcess(['--no-demo', '--database', database.url]);
    cleanups.push(() => child.kill('SIGKILL'));
    const control = (method: string, path: string, body: unknown) =>
      fetch(`${url}/_wxlocal${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<{ appid: string }>);
    const platform = await control('POST', '/platforms', {});
    const callback = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/auth-event`;
    await control('PATCH', `/platforms/${platform.appid}`, { auth_event_url: callback });
    await until(() => received.length === 1);
    child.kill('SIGKILL');

    // Started only now, the other instance cannot have taken the push first.
    const other = await startEmulator({ database: database.url });
    cleanups.push(() => other.close());
    await until(() => received.length === 2);
    // The same push again, sealed anew when it is sent.
    expect(received.map((path) => path.split('?')[0])).toEqual(['/auth-event', '/auth-event']);
    let pushes: { info_type: string; outcome: string; attempt: number }[] = [];
    await until(
      () => pushes.length > 0,
      async () => {
        pushes = (await other.get('/_wxlocal/pushes')).json.pushes;
      },
    );
    expect(pushes).toMatchObject([
      { info_type: 'component_verify_ticket', outcome: 'delivered', attempt: 2 },
    ]);
  });
});

describe('the database restarted during a load', () => {
  let server: PostgresServer | undefined;
  afterEach(() => server?.stop());

  it('calls during the outage answer -1 system error with HTTP 200; service resumes by itself', async () => {
    server = await startPostgres();
    const h = await startEmulator({ database: server.url('postgres') });
    cleanups.push(() => h.close());
    const platform = await platformOn(h);

    const load = preAuthCodeLoad(h.baseUrl, platform, 4);
    await until(() => load.answered.length >= 50);
    await server.kill();
    const down = load.answered.length;
    await until(() => load.answered.length >= down + 20);
    await server.restart();
    const up = load.answered.length;
    await until(() => load.answered.slice(up).filter((answer) => answer.errcode === 0).length >= 50);
    await load.stop();

    expect(new Set(load.answered.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(load.answered.map((answer) => answer.errcode))).toEqual(new Set([0, -1]));
    const outage = load.answered.slice(down, down + 20);
    expect(outage.every((answer) => answer.errcode === -1)).toBe(true);
    // What was answered errcode 0 was kept, before the outage and after it.
    const codes = load.answered.filter((answer) => answer.errcode === 0).map((answer) => answer.code);
    for (const code of codes) expect(await pageTakes(h, platform.appid, code as string), code).toBe(true);
  });
});

describe('a database that cannot serve', () => {
  const startFails = (url: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--database', url]);
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('unreachable: one line and exit code 2', async () => {
    const url = 'postgres://wx:secret@127.0.0.1:1/wxlocal';
    expect(await startFails(url)).toEqual({
      code: 2,
      stderr: 'wxlocal: cannot use the database postgres://wx:***@127.0.0.1:1/wxlocal: connection refused\n',
    });
  });

  it('credentials refused: one line and exit code 2', async () => {
    const url = postgresUrl('postgres').replace('postgres@', 'nobody@');
    const { code, stderr } = await startFails(url);
    expect(code).toBe(2);
    expect(stderr).toBe(`wxlocal: cannot use the database ${url}: the credentials were refused\n`);
  });
});
