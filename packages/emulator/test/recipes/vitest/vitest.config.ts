import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Run from the repository root; a config at your project's root needs no `root`.
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    globalSetup: './wxlocal.setup.ts',
    include: ['**/*.spec.ts'],
    // One emulator for the run, restored before each test: one test file at a time.
    fileParallelism: false,
  },
});
