import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../src/seed.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
const dir = mkdtempSync(join(tmpdir(), 'wxlocal-exec-'));
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** Spawns `wxlocal exec` (in a scratch directory) and collects what it prints. */
function exec(args: string[]): Run {
  const child = spawn(NODE, [CLI, 'exec', '--port', '0', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => ({ stdout, stderr }), exited };
}

async function execToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = exec(args);
  const code = await run.exited;
  return { code, ...run.output() };
}

/** Waits until the output matches. */
async function waitFor(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const match = pattern.exec(run.output().stdout);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${pattern} in:\n${JSON.stringify(run.output())}`);
}

const answers = async (url: string) =>
  fetch(`${url}/_wxlocal/health`).then(
    () => true,
    () => false,
  );

describe('wxlocal exec', () => {
  it("exits with the command's exit code", async () => {
    expect((await execToEnd(['--', NODE, '-e', 'process.exit(0)'])).code).toBe(0);
    const failed = await execToEnd(['--', NODE, '-e', 'process.exit(3)']);
    expect(failed.code, failed.stderr).toBe(3);
  });

  it('--api-quota enforce: every API counter is refused at its limit', async () => {
    const script = `
      fetch(process.env.WXLOCAL_URL + '/_wxlocal/accounts/' + process.env.WXLOCAL_MINIPROGRAM_APPID + '/quota', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cgi_path: '/wxa/getwxasearchstatus', used: 1 }),
      })
        .then((response) => response.json())
        .then((meter) => console.log(JSON.stringify(meter.counters)));`;
    for (const [flags, enforced] of [
      [['--api-quota', 'enforce'], true],
      [[], false],
    ] as const) {
      const result = await execToEnd([...flags, '--', NODE, '-e', script]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual([
        { cgi_path: '/wxa/getwxasearchstatus', daily_limit: 100000, used: 1, remain: 99999, enforced },
      ]);
    }
  });

  it('gives the command the emulator URL and the demo credentials, and it can call the emulator', async () => {
    const script = `
      const names = Object.keys(process.env).filter((name) => name.startsWith('WXLOCAL_')).sort();
      const env = Object.fromEntries(names.map((name) => [name, process.env[name]]));
      fetch(process.env.WXLOCAL_URL + '/_wxlocal/health')
        .then((response) => response.json())
        .then((health) => console.log(JSON.stringify({ env, health })));`;
    const result = await execToEnd(['--', NODE, '-e', script]);
    expect(result.code, result.stderr).toBe(0);
    const { env, health } = JSON.parse(result.stdout);
    expect(health).toMatchObject({ status: 'ok', store: 'sqlite' });
    expect(env).toEqual({
      WXLOCAL_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      WXLOCAL_COMPONENT_APPID: DEMO.platform.appid,
      WXLOCAL_COMPONENT_SECRET: DEMO.platform.secret,
      WXLOCAL_MESSAGE_TOKEN: DEMO.platform.message_token,
      WXLOCAL_ENCODING_AES_KEY: DEMO.platform.encoding_aes_key,
      WXLOCAL_OFFICIAL_ACCOUNT_APPID: DEMO.officialAccount.appid,
      WXLOCAL_MINIPROGRAM_APPID: DEMO.miniProgram.appid,
    });
    // wxlocal's own line is on stderr: stdout is the command's alone.
    expect(result.stderr).toContain(`wxlocal listening on ${env.WXLOCAL_URL}`);
    // In memory by default: no data file appears.
    expect(existsSync(join(dir, '.wxlocal'))).toBe(false);
  });

  it('--no-demo: only the URL; --data keeps the state in that file', async () => {
    const file = join(dir, 'exec.db');
    const script = `console.log(Object.keys(process.env).filter((name) => name.startsWith('WXLOCAL_')).join())`;
    const result = await execToEnd(['--no-demo', '--data', file, '--', NODE, '-e', script]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('WXLOCAL_URL');
    expect(existsSync(file)).toBe(true);
  });

  it('stops the emulator when the command is killed, and exits 128 + the signal number', async () => {
    const script = `console.log(process.pid, process.env.WXLOCAL_URL); setInterval(() => {}, 1000);`;
    const run = exec(['--', NODE, '-e', script]);
    const [, pid, url = ''] = await waitFor(run, /^(\d+) (http:\S+)$/m);
    expect(await answers(url)).toBe(true);
    process.kill(Number(pid), 'SIGKILL');
    expect(await run.exited).toBe(137);
    expect(await answers(url)).toBe(false);
  });

  it('passes SIGTERM and SIGINT on to the command; the emulator serves until it ends', async () => {
    const script = `
      const url = process.env.WXLOCAL_URL;
      const end = (signal) => fetch(url + '/_wxlocal/health').then((r) => r.json()).then((health) => {
        console.log(signal, health.status);
        process.exit(5);
      });
      process.on('SIGTERM', end);
      process.on('SIGINT', end);
      console.log('ready', url);
      setInterval(() => {}, 1000);`;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = exec(['--', NODE, '-e', script]);
      const [, url = ''] = await waitFor(run, /^ready (\S+)$/m);
      run.child.kill(signal);
      expect(await run.exited).toBe(5);
      expect(run.output().stdout).toContain(`${signal} ok`);
      expect(await answers(url)).toBe(false);
    }
  });

  it('refuses a missing command (exit 2) and says when the command cannot be started (exit 127)', async () => {
    for (const args of [[], ['--'], ['--memory', '--']]) {
      const result = await execToEnd(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('wxlocal: missing command: wxlocal exec [options] -- <command>');
      expect(result.stderr).toContain('Usage: wxlocal serve');
    }
    const bare = await execToEnd(['npm', 'test']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('wxlocal: unexpected argument: npm (put the command after --)');
    const withOptions = await execToEnd([NODE, '-e', '0']);
    expect(withOptions.code).toBe(2);
    expect(withOptions.stderr).toContain("Unknown option '-e'");
    expect(withOptions.stderr).toContain('(wxlocal exec: put the command after --)');

    const missing = await execToEnd(['--', 'wxlocal-no-such-command', 'x']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/^wxlocal: cannot run wxlocal-no-such-command: .*$/m);
    expect(missing.stderr).not.toContain('    at ');
  });
});
