import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's recipes for running wxlocal in a test suite (test/recipes/), each run as a user would run it.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const recipe = (path: string) => `packages/emulator/test/recipes/${path}`;

/** The environment of a shell, not of this test run: no VITEST_* variables, no colours in the output. */
const env = Object.fromEntries(
  Object.entries({ ...process.env, NO_COLOR: '1' }).filter(
    ([name]) => !name.startsWith('VITEST') && name !== 'FORCE_COLOR',
  ),
);

/** Runs a command from the repository root: its exit code and everything it printed. */
function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd: ROOT, env, timeout: 90_000 }, (_error, stdout, stderr) =>
      resolve({ code: child.exitCode, output: `${stdout}${stderr}` }),
    );
  });
}

/** `wxlocal exec` is being added: these cases run once the CLI names it. */
const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
const execAvailable = /\bexec\b/.test(help);

describe('recipes', { timeout: 120_000 }, () => {
  it('Vitest: a globalSetup starts one emulator and provides its URL; each test restores a snapshot', async () => {
    const { code, output } = await run('npx', [
      'vitest',
      'run',
      '--config',
      recipe('vitest/vitest.config.ts'),
    ]);
    expect(output).toMatch(/Tests\s+3 passed \(3\)/);
    expect(code, output).toBe(0);
  });

  it("Node's test runner: startWxlocal in before, close in after, a snapshot restored before each test", async () => {
    const { code, output } = await run(process.execPath, [
      '--test',
      recipe('node-test/search-status.test.mjs'),
    ]);
    expect(output).toContain('# pass 3');
    expect(output).toContain('# fail 0');
    expect(code, output).toBe(0);
  });

  it.skipIf(!execAvailable)(
    'wxlocal exec -- node --test: the tests find the emulator in WXLOCAL_URL',
    async () => {
      const { code, output } = await run(process.execPath, [
        CLI,
        'exec',
        '--',
        process.execPath,
        '--test',
        recipe('exec/search-status.test.mjs'),
      ]);
      expect(output).toContain('# pass 2');
      expect(output).toContain('# fail 0');
      expect(code, output).toBe(0);
    },
  );
});
