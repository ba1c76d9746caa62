import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { createWorld, type Harness, startEmulator, type World } from './helpers.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let dir: string;
/** A data file with real content, written and closed by the emulator. */
let valid: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wxlocal-datafile-'));
  valid = join(dir, 'valid.db');
  const h = await startEmulator({ file: valid });
  await createWorld(h);
  await h.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the valid data file with `bytes` written at `offset` (negative: from the end). */
function damaged(name: string, offset: number, bytes: Buffer): string {
  const file = join(dir, name);
  copyFileSync(valid, file);
  const at = offset < 0 ? statSync(file).size + offset : offset;
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
  return file;
}

/** What SQLite's own quick_check says of a file. */
function quickCheck(file: string): string {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.pragma('quick_check') as { quick_check: string }[])[0]?.quick_check ?? '';
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

async function serve(data: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', data], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Refused before listening: exit code 2, one line on stderr naming the path, nothing on stdout. */
async function expectRefused(data: string, says: string): Promise<void> {
  const { code, stdout, stderr } = await serve(data);
  expect(stdout).not.toContain('listening on');
  expect(stdout).toBe('');
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(/^wxlocal: /);
  expect(stderr).toContain(data);
  expect(stderr).toContain(says);
  expect(stderr).not.toContain('Usage:');
  expect(code, stderr).toBe(2);
}

describe('wxlocal serve refuses a data file it cannot use', () => {
  it('a file of random bytes', async () => {
    const file = join(dir, 'random.db');
    writeFileSync(file, randomBytes(8192));
    await expectRefused(file, 'is not a wxlocal data file (file is not a database)');
  });

  it('a data file whose header is overwritten', async () => {
    const file = damaged('header.db', 0, Buffer.alloc(16, 0x41));
    await expectRefused(file, 'is not a wxlocal data file');
  });

  it('a data file damaged near its end', async () => {
    const file = damaged('end.db', -4096, Buffer.alloc(64, 0xff));
    expect(quickCheck(file)).not.toBe('ok');
    await expectRefused(file, 'is damaged');
  });

  it('a directory', async () => {
    const path = join(dir, 'a-directory');
    mkdirSync(path);
    await expectRefused(path, 'is a directory');
  });

  it('a path whose directory cannot be created', async () => {
    const plain = join(dir, 'plain-file');
    writeFileSync(plain, 'x');
    await expectRefused(join(plain, 'sub', 'state.db'), 'cannot create the directory');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only data file (not as root: root writes anyway)', async () => {
    const file = join(mkdtempSync(join(dir, 'ro-')), 'state.db');
    copyFileSync(valid, file);
    chmodSync(file, 0o444);
    await expectRefused(file, 'is not writable');
  });
});

describe('a data file removed or replaced while running', () => {
  let h: Harness;
  let file: string;
  let logged: MockInstance<typeof console.error>;

  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    await h.close();
    logged.mockRestore();
  });

  async function start(): Promise<World> {
    file = join(mkdtempSync(join(dir, 'live-')), 'state.db');
    h = await startEmulator({ file });
    const world = await createWorld(h);
    expect((await h.get('/_wxlocal/health')).json.status).toBe('ok');
    return world;
  }

  /** Polls health for up to two seconds. */
  async function degradedHealth(): Promise<{ status: string; reason?: string }> {
    const deadline = Date.now() + 2000;
    let health = (await h.get('/_wxlocal/health')).json;
    while (health.status === 'ok' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = (await h.get('/_wxlocal/health')).json;
    }
    return health;
  }

  async function expectWritesRefused(world: World): Promise<void> {
    const control = await h.post('/_wxlocal/accounts', { type: 'miniprogram' });
    expect(control.status).toBe(503);
    expect(control.json).toEqual({
      error: expect.stringMatching(/was (removed|replaced by another file) while wxlocal ran/),
    });
    expect(control.text).not.toContain('    at ');
    // A new component token is a write.
    const data = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: world.platform.appid,
      component_appsecret: world.platform.secret,
      component_verify_ticket: world.platform.verify_ticket,
    });
    expect(data.json.errcode).toBe(-1);
    expect(data.json.errmsg).toMatch(/^system error/);
  }

  it('removed: health turns degraded with the reason, and writes are refused', async () => {
    const world = await start();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    // Noticed on its own (fs.watch or the check each second), not only when health asks: one error line.
    const deadline = Date.now() + 2000;
    while (logged.mock.calls.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged.mock.calls).toEqual([[expect.stringMatching(/^wxlocal: data file .* was removed/)]]);
    const health = await degradedHealth();
    expect(health).toMatchObject({ status: 'degraded', store: 'sqlite' });
    expect(health.reason).toContain(`${file} was removed`);
    await expectWritesRefused(world);
  });

  it('replaced by another file: the same', async () => {
    const world = await start();
    const other = join(dir, 'other.db');
    copyFileSync(valid, other);
    renameSync(other, file);
    const health = await degradedHealth();
    expect(health).toMatchObject({ status: 'degraded' });
    expect(health.reason).toContain(`${file} was replaced`);
    await expectWritesRefused(world);
  });
});

describe('a data file in use', () => {
  it('is refused to a second emulator at once, kept from other programs, and free again after close', async () => {
    const file = join(mkdtempSync(join(dir, 'lock-')), 'state.db');
    const first = await startEmulator({ file });
    try {
      const started = Date.now();
      await expect(startEmulator({ file })).rejects.toThrow(
        `${file} is in use by another wxlocal (or another program): stop it, or choose another --data`,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      // Not even a reader gets in: it would see a state that the running server keeps changing.
      const reader = new SQLite(file, { readonly: true, timeout: 0 });
      try {
        expect(() => reader.prepare('select count(*) from meta').get()).toThrow('database is locked');
      } finally {
        reader.close();
      }
      // The first still serves, writes included.
      expect((await first.post('/_wxlocal/accounts', { type: 'miniprogram' })).status).toBe(201);
    } finally {
      await first.close();
    }
    const second = await startEmulator({ file });
    expect((await second.get('/_wxlocal/accounts')).json.accounts).toHaveLength(1);
    await second.close();
  });
});
