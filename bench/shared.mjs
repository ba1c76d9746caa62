// The shared mode's figures (README "Performance"): the read and the durable write on one wxlocal on
// PostgreSQL, then on two wxlocal processes on that database loaded together. Needs Debian's `postgresql`
// package; without it the run says so and reports nothing for these rows.
import { postgresInstalled, startPostgres } from '../scripts/postgres-server.mjs';
import { startServer } from './servers.mjs';

const CLI = new URL('../packages/emulator/dist/cli.js', import.meta.url).pathname;

function serveOn(database) {
  return startServer('wxlocal (PostgreSQL)', [
    CLI,
    'serve',
    '--port',
    '0',
    '--database',
    database,
    '--database-pool-size',
    '20',
    '--log-level',
    'error',
  ]);
}

/**
 * `measure(target)` loads one target; `targetsOf(url, token)` gives the read and the write of one instance.
 * Resolves with their results, `null` when PostgreSQL is not installed.
 */
export async function measureShared({ measure, measureTogether, targetsOf, miniProgramToken }) {
  if (!postgresInstalled) {
    process.stderr.write('PostgreSQL is not installed: the shared-mode rows are left out\n');
    return null;
  }
  // A server that syncs, as a team's would: fsync on.
  const server = await startPostgres({ fast: false });
  try {
    const first = await serveOn(server.url('postgres'));
    const token = await miniProgramToken(first.url);
    const one = targetsOf(first.url, token);
    const results = {};
    for (const [name, target] of Object.entries(one)) {
      process.stderr.write(`loading ${name} on PostgreSQL...\n`);
      results[`${name} (pg, 1 instance)`] = await measure(target);
    }
    const second = await serveOn(server.url('postgres'));
    const two = targetsOf(second.url, token);
    for (const name of Object.keys(one)) {
      process.stderr.write(`loading ${name} on two instances...\n`);
      results[`${name} (pg, 2 instances)`] = await measureTogether([one[name], two[name]]);
    }
    return results;
  } finally {
    server.stop();
  }
}
