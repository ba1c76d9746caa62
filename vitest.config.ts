import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { postgresInstalled } from './packages/emulator/test/postgres/server.js';

const apiSource = (file: string) => fileURLToPath(new URL(`./packages/api/src/${file}`, import.meta.url));

/** Suites about the SQLite file itself, or about processes and packages rather than the store. */
const sqliteOnly = [
  'architecture',
  'cli',
  'data-file',
  'exec',
  'migrations',
  'packages',
  'readme',
  'sqlite-store',
].map((name) => `packages/emulator/test/${name}.test.ts`);

// CI always runs both; elsewhere the PostgreSQL run needs Debian's `postgresql` package.
const onPostgres = postgresInstalled || Boolean(process.env.CI);
if (!onPostgres)
  console.warn('PostgreSQL is not installed: the suite runs on SQLite only (apt-get install postgresql)');

/** The emulator's black-box suite again, every emulator on a PostgreSQL database of its own. */
const postgresRun = {
  extends: true,
  test: {
    name: 'postgres',
    include: ['packages/emulator/test/**/*.test.ts'],
    exclude: sqliteOnly,
    env: { WXLOCAL_TEST_STORE: 'postgres' },
    globalSetup: ['packages/emulator/test/postgres/global-setup.ts'],
  },
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@wxlocal\/api$/, replacement: apiSource('index.ts') },
      { find: /^@wxlocal\/api\/push$/, replacement: apiSource('push/index.ts') },
    ],
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['packages/*/test/**/*.test.ts'],
          // Instances sharing one database: PostgreSQL's alone.
          exclude: ['packages/emulator/test/shared-*.test.ts'],
        },
      },
      ...(onPostgres ? [postgresRun] : []),
    ],
  },
});
