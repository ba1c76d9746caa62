import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decryptMessage } from '@wxlocal/api';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

/** Starts `wxlocal serve` and resolves once it prints its listening line. */
async function serve(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const match = /wxlocal listening on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return { child, baseUrl: match[1], output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`wxlocal did not start:\n${output}`);
}

/** Runs the CLI to completion. */
async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
const json = async (url: string, init?: RequestInit): Promise<any> => (await fetch(url, init)).json();
const post = (url: string, body: unknown) =>
  json(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('wxlocal serve', () => {
  it('starts on --port 0 with the demo seed and prints its credentials', async () => {
    const { baseUrl, output } = await serve(['--memory']);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await json(`${baseUrl}/_wxlocal/health`)).status).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output()).toContain(DEMO.platform.appid);
    expect(output()).toContain(DEMO.platform.secret);
    const ticket = /component_verify_ticket\s+(\S+)/.exec(output())?.[1];
    const refreshToken = /authorizer_appid\s+wxd0c0de0000000003\s+authorizer_refresh_token\s+(\S+)/.exec(
      output(),
    )?.[1];
    // The printed credentials work as printed.
    const component = await post(`${baseUrl}/cgi-bin/component/api_component_token`, {
      component_appid: DEMO.platform.appid,
      component_appsecret: DEMO.platform.secret,
      component_verify_ticket: ticket,
    });
    const authorizer = await post(
      `${baseUrl}/cgi-bin/component/api_authorizer_token?component_access_token=${component.component_access_token}`,
      {
        component_appid: DEMO.platform.appid,
        authorizer_appid: DEMO.miniProgram.appid,
        authorizer_refresh_token: refreshToken,
      },
    );
    const status = await json(
      `${baseUrl}/wxa/getwxasearchstatus?access_token=${authorizer.authorizer_access_token}`,
    );
    expect(status).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
  });

  it('--no-demo starts empty; --seed loads a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-seed-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(
      seedFile,
      JSON.stringify({
        platforms: [{ appid: 'wxaaaaaaaaaaaaaaaa', published: true }],
        accounts: [{ appid: 'wxbbbbbbbbbbbbbbbb', type: 'miniprogram' }],
        authorizations: [
          { component_appid: 'wxaaaaaaaaaaaaaaaa', authorizer_appid: 'wxbbbbbbbbbbbbbbbb', func_info: [18] },
        ],
      }),
    );
    const { baseUrl } = await serve(['--memory', '--no-demo', '--seed', seedFile]);
    expect(
      (await json(`${baseUrl}/_wxlocal/platforms`)).platforms.map((p: { appid: string }) => p.appid),
    ).toEqual(['wxaaaaaaaaaaaaaaaa']);
    expect((await json(`${baseUrl}/_wxlocal/authorizations`)).authorizations).toHaveLength(1);
  });

  it("prints the web console's address, with the control plane's token off loopback", async () => {
    const local = await serve(['--memory', '--no-demo']);
    expect(local.output()).toContain(`console                    ${local.baseUrl}/_wxlocal/ui/\n`);
    const open = await serve(['--memory', '--no-demo', '--host', '0.0.0.0']);
    const token = /control plane token\s+(\S+)/.exec(open.output())?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(open.output()).toContain(
      `console                    ${open.baseUrl}/_wxlocal/ui/#token=${token}\n`,
    );
  });

  it('--callback makes the demo platform push there; the banner prints the keys to decrypt', async () => {
    const bodies: string[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        bodies.push(body);
        response.end('success');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      const { output } = await serve(['--memory', '--callback', `http://127.0.0.1:${port}/events`]);
      const deadline = Date.now() + 5000;
      while (bodies.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const sealed = bodies[0] ?? '';
      expect(sealed).toContain(`<AppId><![CDATA[${DEMO.platform.appid}]]></AppId>`);
      expect(output()).toContain(DEMO.platform.message_token);
      expect(output()).toContain(DEMO.platform.encoding_aes_key);
      const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]>/.exec(sealed)?.[1] ?? '';
      const xml = decryptMessage(encrypt, DEMO.platform.encoding_aes_key).xml;
      expect(xml).toContain('<InfoType><![CDATA[component_verify_ticket]]></InfoType>');
    } finally {
      receiver.close();
    }
  });

  it('stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { child } = await serve(['--memory']);
      child.kill(signal);
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
  });

  it('rejects bad flags and bad seed files with a message and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxlocal-bad-'));
    const badSeed = join(dir, 'bad.json');
    writeFileSync(badSeed, JSON.stringify({ accounts: [{ type: 'robot' }] }));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{');
    const danglingSeed = join(dir, 'dangling.json');
    writeFileSync(
      danglingSeed,
      JSON.stringify({
        authorizations: [{ component_appid: 'wx1', authorizer_appid: 'wx2', func_info: [] }],
      }),
    );
    for (const [args, message] of [
      [['serve', '--bogus'], "Unknown option '--bogus'"],
      [['serve', '--port', 'eighty'], 'invalid port: eighty'],
      [['serve', '--port', '70000'], 'invalid port: 70000'],
      [['serve', '--api-quota', 'strict'], 'invalid --api-quota: strict (report or enforce)'],
      [['serve', '--memory', '--data', 'x.db'], '--data and --memory cannot be used together'],
      [['launch'], 'unknown command: launch'],
      [['serve', '--seed', join(dir, 'missing.json')], 'cannot read seed file'],
      [['serve', '--seed', notJson], 'cannot read seed file'],
      [['serve', '--seed', badSeed], 'accounts[0].type: expected "miniprogram" or "official_account"'],
      [['serve', '--memory', '--port', '0', '--seed', danglingSeed], 'platform wx1 not found'],
    ] as const) {
      const result = await run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).toContain('Usage: wxlocal serve');
    }
  });
});

describe('start-up problems: one line, exit code 2', () => {
  it('a port in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const result = await run(['serve', '--memory', '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `wxlocal: port ${port} on 127.0.0.1 is in use: stop what uses it, or choose another --port (0 picks a free one)\n`,
      );
      expect(result.stdout).toBe('');
    } finally {
      taken.close();
    }
  });

  it('a data file another wxlocal serves: refused at once; the first still serves', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'wxlocal-lock-')), 'state.db');
    const first = await serve(['--data', dataFile]);
    const started = Date.now();
    const second = await run(['serve', '--port', '0', '--data', dataFile]);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `wxlocal: ${dataFile} is in use by another wxlocal (or another program): stop it, or choose another --data\n`,
    );
    expect(second.stdout).toBe('');
    // exec on the same file is refused the same way, before the command runs.
    const exec = await run(['exec', '--port', '0', '--data', dataFile, '--', process.execPath, '-e', '0']);
    expect(exec.code).toBe(2);
    expect(exec.stderr).toContain('is in use by another wxlocal');
    // The first serves on, writes included.
    expect((await json(`${first.baseUrl}/_wxlocal/health`)).status).toBe('ok');
    expect((await post(`${first.baseUrl}/_wxlocal/clock`, { advance: 60 })).now).toEqual(expect.any(Number));
    // Once it stops, the file is free again.
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    const third = await serve(['--data', dataFile]);
    expect((await json(`${third.baseUrl}/_wxlocal/health`)).status).toBe('ok');
  });
});

describe('durability', () => {
  it('a change a client was told succeeded survives SIGKILL and restart', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'wxlocal-data-')), 'state.db');
    const first = await serve(['--data', dataFile]);
    const grant = await post(`${first.baseUrl}/_wxlocal/authorizations`, {
      component_appid: DEMO.platform.appid,
      authorizer_appid: DEMO.miniProgram.appid,
      func_info: [18],
    });
    const token = grant.authorizer_access_token;
    await post(`${first.baseUrl}/_wxlocal/clock`, { advance: 3600 });
    const set = await post(`${first.baseUrl}/wxa/changewxasearchstatus?access_token=${token}`, { status: 1 });
    expect(set).toEqual({ errcode: 0, errmsg: 'ok' });
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const second = await serve(['--data', dataFile]);
    // Same token, same state, same emulated time (the token would have expired without the stored offset).
    const status = await json(`${second.baseUrl}/wxa/getwxasearchstatus?access_token=${token}`);
    expect(status).toEqual({ status: 1, errcode: 0, errmsg: 'ok' });
    const now = (await json(`${second.baseUrl}/_wxlocal/clock`)).now;
    expect(now - Date.now() / 1000).toBeGreaterThan(3590);
    // The demo seed is not applied twice: the refresh token is the one issued above.
    const grants = (await json(`${second.baseUrl}/_wxlocal/authorizations`)).authorizations;
    expect(
      grants.find((g: { authorizer_appid: string }) => g.authorizer_appid === DEMO.miniProgram.appid),
    ).toMatchObject({
      authorizer_refresh_token: grant.authorizer_refresh_token,
    });
  });
});
