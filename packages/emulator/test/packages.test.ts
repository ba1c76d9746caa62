import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The three packages as a stranger gets them: `npm pack`ed, installed from the tarballs into a project outside
 * the workspace (under os.tmpdir(), so nothing resolves from the workspace's node_modules), then used there:
 * the CLI, plain imports, a strict TypeScript program with skipLibCheck off, and that program run.
 * Builds nothing: `npm test` runs `npm run build` first.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PACKAGES = [
  { dir: 'api', name: '@wxlocal/api' },
  { dir: 'emulator', name: 'wxlocal' },
  { dir: 'client', name: '@wxlocal/client' },
] as const;

const npmOnPath = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;
if (!npmOnPath) console.warn('npm is not on PATH: the packaging test is skipped');

/** The versions the workspace itself compiles with. */
const workspaceVersion = (name: string): string =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * The environment of the npm and node processes started here: without what `npm test` exports to its script
 * (npm_package_*, npm_config_local_prefix, an empty allow-scripts, …), which would otherwise configure the npm
 * of the temporary project; the user's registry, cache, proxy and CA settings are kept.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|nodedir)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.test(key)) continue;
    if (['NODE_PATH', 'NODE_ENV', 'INIT_CWD'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

interface Ran {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with its output when it fails. */
function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<Ran> {
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          fail(
            new Error(
              `${command} ${args.join(' ')} failed in ${cwd}: ${error.message}\n${stdout}\n${stderr}`,
            ),
          );
        else done({ stdout, stderr });
      },
    );
  });
}

interface Packed {
  name: string;
  tarball: string;
  files: string[];
}

describe.skipIf(!npmOnPath)('the packages, installed from their tarballs', () => {
  let work = '';
  let project = '';
  const packed: Packed[] = [];
  const started = Date.now();

  beforeAll(async () => {
    for (const { dir } of PACKAGES)
      if (!existsSync(join(ROOT, 'packages', dir, 'dist/index.js')))
        throw new Error(`packages/${dir}/dist is missing: run \`npm run build\` first (npm test does)`);

    work = await mkdtemp(join(tmpdir(), 'wxlocal-packages-'));
    project = join(work, 'project');
    const tarballs = join(work, 'tarballs');
    await mkdir(project);
    await mkdir(tarballs);
    // Outside the workspace: module resolution never walks up into ROOT/node_modules.
    const fromRoot = relative(ROOT, project);
    expect(fromRoot.startsWith('..') || isAbsolute(fromRoot)).toBe(true);

    for (const { dir, name } of PACKAGES) {
      const cwd = join(ROOT, 'packages', dir);
      const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', tarballs], cwd, 120_000);
      const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      if (!info) throw new Error(`npm pack printed no tarball for ${name}`);
      packed.push({ name, tarball: join(tarballs, info.filename), files: info.files.map((f) => f.path) });
    }

    await writeFile(
      join(project, 'package.json'),
      `${JSON.stringify(
        {
          name: 'wxlocal-packages-check',
          private: true,
          type: 'module',
          // better-sqlite3 builds or downloads its native module in an install script.
          allowScripts: { 'better-sqlite3': true },
        },
        null,
        2,
      )}\n`,
    );
    await run(
      'npm',
      [
        'install',
        ...packed.map((p) => p.tarball),
        `typescript@${workspaceVersion('typescript')}`,
        `@types/node@${workspaceVersion('@types/node')}`,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
      ],
      project,
      540_000,
    );
    console.log(`packaging test: packed and installed in ${Math.round((Date.now() - started) / 1000)} s`);
  }, 600_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('each tarball holds its build, sources, README and LICENSE, and no tests or build info', () => {
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toContain('MIT License');
    for (const { dir } of PACKAGES)
      expect(readFileSync(join(ROOT, 'packages', dir, 'LICENSE'), 'utf8')).toBe(license);
    for (const { name, files } of packed) {
      expect(files, name).toEqual(
        expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']),
      );
      expect(
        files.filter((f) => /(^|\/)test\/|\.test\.|\.spec\.|tsbuildinfo|^node_modules\//.test(f)),
        name,
      ).toEqual([]);
      // The source maps point at ../src: each one's source is shipped too.
      const missing = files
        .filter((f) => f.endsWith('.js.map'))
        .map((f) => f.replace(/^dist\//, 'src/').replace(/\.js\.map$/, '.ts'))
        .filter((source) => !files.includes(source));
      expect(missing, `${name}: maps without their source (a stale dist/? rebuild it)`).toEqual([]);
    }
    expect(packed.find((p) => p.name === 'wxlocal')?.files).toContain('dist/cli.js');
  });

  it('installs from the tarballs alone: one @wxlocal/api, no ioredis', () => {
    const modules = join(project, 'node_modules');
    for (const { name } of PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
      expect(manifest).toMatchObject({
        name,
        version: '0.1.0',
        license: 'MIT',
        engines: { node: '>=20.19' },
      });
    }
    expect(existsSync(join(modules, 'wxlocal/node_modules/@wxlocal/api'))).toBe(false);
    expect(existsSync(join(modules, '@wxlocal/client/node_modules/@wxlocal/api'))).toBe(false);
    // An optional peer: only RedisCache users install it.
    expect(existsSync(join(modules, 'ioredis'))).toBe(false);
  });

  it('`npx wxlocal serve --port 0 --memory` listens and answers /_wxlocal/health', async () => {
    // Its own process group, so that stopping it stops npx's shell and the node under it.
    const child: ChildProcess = spawn('npx', ['--no', '--', 'wxlocal', 'serve', '--port', '0', '--memory'], {
      cwd: project,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = once(child, 'exit');
    try {
      let url: string | undefined;
      const deadline = Date.now() + 60_000;
      while (!url && Date.now() < deadline && child.exitCode === null) {
        url = /wxlocal listening on (http:\/\/\S+)/.exec(output)?.[1];
        if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!url) throw new Error(`wxlocal serve did not start:\n${output}`);
      const health = await fetch(`${url}/_wxlocal/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', version: '0.1.0' });
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    }
    await exited;
  }, 90_000);

  it('each package imports in plain node, resolved from the project', async () => {
    const script = `
      for (const name of ['wxlocal', '@wxlocal/api', '@wxlocal/client']) {
        const module = await import(name);
        console.log(JSON.stringify({ name, url: import.meta.resolve(name), exports: Object.keys(module) }));
      }`;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], project, 60_000);
    const found = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; url: string; exports: string[] });
    expect(found.map((m) => m.name)).toEqual(['wxlocal', '@wxlocal/api', '@wxlocal/client']);
    for (const { name, url } of found)
      expect(fileURLToPath(url), name).toBe(join(project, 'node_modules', name, 'dist/index.js'));
    expect(found[0]?.exports).toEqual(expect.arrayContaining(['startWxlocal', 'connectWxlocal', 'DEMO']));
    expect(found[1]?.exports).toEqual(expect.arrayContaining(['endpoints', 'errors', 'sealPush']));
    expect(found[2]?.exports).toEqual(expect.arrayContaining(['createClient', 'MemoryCache', 'RedisCache']));
  }, 90_000);

  it('a strict TypeScript program (nodenext, skipLibCheck off) using all three compiles and runs', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'ES2022',
            strict: true,
            skipLibCheck: false,
            types: ['node'],
            noEmitOnError: true,
            outDir: 'out',
          },
          files: ['main.ts'],
        },
        null,
        2,
      )}\n`,
    );
    await writeFile(join(project, 'main.ts'), PROGRAM);
    await run('npx', ['--no', '--', 'tsc', '--project', 'tsconfig.json'], project, 120_000);
    const { stdout } = await run('node', ['out/main.js'], project, 60_000);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result).toMatchObject({
      path: '/cgi-bin/component/api_component_token',
      expires_in: 7200,
      cached: true,
      searchStatus: 0,
    });
    expect(result.account).toMatch(/^wx[0-9a-f]{16}$/);
    console.log(`packaging test: done in ${Math.round((Date.now() - started) / 1000)} s`);
  }, 180_000);
});

/** What a user writes: an emulator in memory, an account made through `control`, calls through the client. */
const PROGRAM = `import { endpoints, type ResponseOf } from '@wxlocal/api';
import { type Cache, createClient, MemoryCache, type RedisConnection } from '@wxlocal/client';
import { DEMO, startWxlocal, type Wxlocal } from 'wxlocal';

const wx: Wxlocal = await startWxlocal();
try {
  const account = await wx.control.accounts.create({ type: 'miniprogram', principal_name: 'ACME' });
  const granted = await wx.control.authorizations.create({
    component_appid: DEMO.platform.appid,
    authorizer_appid: account.appid,
    func_info: [17, 18],
  });
  const { verify_ticket } = await wx.control.platforms.ticket(DEMO.platform.appid);

  const cache: Cache = new MemoryCache();
  const client = createClient({
    componentAppid: DEMO.platform.appid,
    componentSecret: DEMO.platform.secret,
    baseUrl: wx.url,
    cache,
  });
  const token: ResponseOf<'getComponentAccessToken'> = await client.tokenless().getComponentAccessToken({
    component_appid: DEMO.platform.appid,
    component_appsecret: DEMO.platform.secret,
    component_verify_ticket: verify_ticket,
  });

  // The client's own token handling: ticket in, the Mini Program's token fetched behind the call.
  await client.tokens.setVerifyTicket(verify_ticket);
  await client.tokens.setRefreshToken(account.appid, granted.authorizer_refresh_token);
  const { status } = await client.authorizer(account.appid).getSearchStatus();

  // RedisCache's connection type is wxlocal's own: no ioredis is installed here.
  const connection: RedisConnection | undefined = undefined;

  console.log(
    JSON.stringify({
      account: account.appid,
      path: endpoints.getComponentAccessToken.path,
      expires_in: token.expires_in,
      cached: (await cache.get(\`wxlocal:component_token:\${DEMO.platform.appid}\`)) !== undefined,
      searchStatus: status,
      connection: connection ?? null,
    }),
  );
} finally {
  await wx.close();
}
`;
