import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A PostgreSQL server of the tests' own: a temporary data directory, a free port, trust on loopback. */
export interface PostgresServer {
  port: number;
  /** The URL of one database of this server. */
  url(database: string): string;
  /** Stops the server at once, as a crash would; `restart` brings it back on the same port and data. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): void;
}

/** Debian's binaries: on the PATH, or in /usr/lib/postgresql/<version>/bin. */
function binDir(): string | undefined {
  const onPath = spawnSync('pg_ctl', ['--version']);
  if (onPath.status === 0) return '';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0] as string, 'bin') : undefined;
}

export const postgresInstalled = binDir() !== undefined;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user of the package. */
function commandLine(command: string, args: string[]): [string, string[]] {
  const bin = binDir();
  if (bin === undefined) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const program = bin ? join(bin, command) : command;
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function run(dir: string, command: string, args: string[]): void {
  const [file, argv] = commandLine(command, args);
  execFileSync(file, argv, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** As `run`, without blocking the process: emulators in it go on serving meanwhile. */
async function runAsync(dir: string, command: string, args: string[]): Promise<void> {
  const [file, argv] = commandLine(command, args);
  await promisify(execFile)(file, argv, { cwd: dir });
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wxlocal-pg-'));
  chmodSync(dir, 0o777);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(dir, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C', '-E', 'UTF8']);
  const port = await freePort();
  // Durability of the server itself is not under test: fsync off makes creating databases fast.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off -c full_page_writes=off`;
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
