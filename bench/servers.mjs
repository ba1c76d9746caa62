// Starting and stopping the servers a benchmark loads (`run.mjs` and `soak.mjs`), and the temporary
// directories their data files live in. Nothing started here outlives the process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../packages/emulator/dist/cli.js', import.meta.url));
const START_TIMEOUT_MS = 15_000;

const children = new Set();
const tempDirs = new Set();
let stopping = false;
/** Servers stopped before the others: their exit is expected. */
const stopped = new WeakSet();

/** A new directory under the system's temp directory, removed when the process exits. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

const listeningOn = (line) => /listening on (http:\/\/\S+)/.exec(line)?.[1];

/**
 * Spawns `node args` (or `command args`) and resolves with the base URL that `urlIn` finds in a line of its
 * output, by default its "listening on" line.
 */
export function startServer(name, args, { command = process.execPath, urlIn = listeningOn } = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${name} did not start: ${why}`));
    };
    child.on('error', (error) => fail(error.message));
    let started = false;
    child.on('exit', (code, signal) => {
      const how = `exited with ${signal ?? `code ${code}`}`;
      // After the start this explains the errors the load is about to report.
      if (started && !stopping && !stopped.has(child)) console.error(`${name} ${how}`);
      else fail(how);
    });
    // Keep reading after the first line so that a full pipe never blocks the child.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = urlIn(line);
      if (!url || started) return;
      clearTimeout(timer);
      started = true;
      resolve({ child, url });
    });
  });
}

/** Polls the health endpoint without pause; resolves with the time of the first 200. */
async function waitUntilServing(url) {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${url}/_wxlocal/health`);
      await response.arrayBuffer();
      if (response.ok) return performance.now();
    } catch {
      // Not accepting connections yet.
    }
  }
  throw new Error(`wxlocal did not answer /_wxlocal/health within ${START_TIMEOUT_MS} ms`);
}

/**
 * Starts the built CLI on `dataFile` (with its demo seed). Cold start runs from spawn (including migrating
 * a fresh SQLite file and the demo seed) to the first 200.
 */
export async function startWxlocal(dataFile) {
  const spawnedAt = performance.now();
  const server = await startServer('wxlocal', [
    CLI,
    'serve',
    '--port',
    '0',
    '--data',
    dataFile,
    '--log-level',
    'error',
  ]);
  const servedAt = await waitUntilServing(server.url);
  return { ...server, coldStartMs: servedAt - spawnedAt };
}

/** Stops one server started here, SIGKILL after 3 s. */
export function stopServer({ child }) {
  stopped.add(child);
  return stopChild(child);
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Stops every server started here, SIGKILL after 3 s. */
export async function stopServers() {
  stopping = true;
  await Promise.all([...children].map(stopChild));
}

// Also reached on abrupt exits (an uncaught error, Ctrl-C): no child and no temp file may outlive the run.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
