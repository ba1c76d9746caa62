// A PostgreSQL server of its own for the tests and the benchmark: Debian's `postgresql` binaries, a temporary
// data directory, a free port on 127.0.0.1, trust authentication. PostgreSQL refuses to run as root: as root,
// its commands run as the package's `postgres` user.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's binaries: on the PATH (''), or in /usr/lib/postgresql/<version>/bin; undefined when absent. */
function binDir() {
  if (spawnSync('pg_ctl', ['--version']).status === 0) return '';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

export const postgresInstalled = binDir() !== undefined;

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function commandLine(command, args) {
  const bin = binDir();
  if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const program = bin ? join(bin, command) : command;
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function run(dir, command, args) {
  const [file, argv] = commandLine(command, args);
  execFileSync(file, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** As `run`, without blocking the process: servers in it go on serving meanwhile. */
async function runAsync(dir, command, args) {
  const [file, argv] = commandLine(command, args);
  await promisify(execFile)(file, argv, { cwd: dir });
}

/**
 * Starts a server. `fast`: no fsync (the server's own durability is not under test), which makes creating
 * databases fast.
 */
export async function startPostgres({ fast = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wxlocal-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  run(dir, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C', '-E', 'UTF8']);
  const port = await freePort();
  const durability = fast ? ' -c fsync=off -c full_page_writes=off' : '';
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=500${durability}`;
  const start = ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start'];
  const kill = ['-D', data, '-m', 'immediate', '-w', 'stop'];
  run(dir, 'pg_ctl', start);
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    kill: () => runAsync(dir, 'pg_ctl', kill),
    restart: () => runAsync(dir, 'pg_ctl', start),
    stop() {
      run(dir, 'pg_ctl', kill);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
