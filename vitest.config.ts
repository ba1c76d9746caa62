import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const apiSource = (file: string) => fileURLToPath(new URL(`./packages/api/src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@wxlocal\/api$/, replacement: apiSource('index.ts') },
      { find: /^@wxlocal\/api\/push$/, replacement: apiSource('push/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
