// The durable write beside a WireMock stub of the same call (README "Performance"): WireMock's standalone
// jar (the `wiremock` npm package) answering `POST /wxa/changewxasearchstatus` with a canned
// `{"errcode":0,"errmsg":"ok"}`. Needs `java`; without it the run says so and reports nothing for this row.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startServer, stopServer, tempDir } from './servers.mjs';

/** WireMock keeps its last requests like wxlocal's journal keeps its last 1,000 calls. */
const JOURNAL_ENTRIES = 1000;
/**
 * The JVM compiles as it runs and takes tens of seconds to reach its pace: load in windows, at least
 * WARMUP_MIN_WINDOWS, until a window is no faster than the best before it.
 */
const WARMUP_WINDOW_SECONDS = 5;
const WARMUP_MIN_WINDOWS = 12;
const WARMUP_MAX_WINDOWS = 24;
const WARM_GAIN = 1.05;

const STUB = {
  request: { method: 'POST', urlPath: '/wxa/changewxasearchstatus' },
  response: {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: '{"errcode":0,"errmsg":"ok"}',
  },
};

const javaInstalled = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

function standaloneJar() {
  const build = join(dirname(createRequire(import.meta.url).resolve('wiremock/package.json')), 'build');
  const jar = readdirSync(build).find((name) => /^wiremock-standalone-.*\.jar$/.test(name));
  if (!jar) throw new Error(`no WireMock standalone jar in ${build}`);
  return join(build, jar);
}

/** WireMock on a free port with the one stub; its banner line `port: N` says where. */
async function startWireMock() {
  const root = tempDir('wxlocal-bench-wiremock-');
  const mappings = join(root, 'mappings');
  mkdirSync(mappings);
  writeFileSync(join(mappings, 'changewxasearchstatus.json'), JSON.stringify(STUB));
  const jvm = ['-jar', standaloneJar(), '--port', '0', '--root-dir', root, '--disable-banner'];
  return startServer('WireMock', [...jvm, '--max-request-journal-entries', String(JOURNAL_ENTRIES)], {
    command: 'java',
    urlIn: (line) => {
      const port = /^port:\s+(\d+)/.exec(line)?.[1];
      return port && `http://127.0.0.1:${port}`;
    },
  });
}

/**
 * `measure(target)` loads one target with its checks; `load(target, seconds)` loads it without them.
 * Resolves with the stub's result, `null` when java is not installed.
 */
export async function measureWireMock({ measure, load }) {
  if (!javaInstalled) {
    process.stderr.write('java is not installed: the WireMock row is left out\n');
    return null;
  }
  const server = await startWireMock();
  try {
    const target = {
      name: 'WireMock stub',
      url: `${server.url}/wxa/changewxasearchstatus?access_token=bench`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 1 }),
    };
    process.stderr.write('warming up WireMock (req/s per window):');
    let best = 0;
    for (let window = 0; window < WARMUP_MAX_WINDOWS; window++) {
      const rate = (await load(target, WARMUP_WINDOW_SECONDS)).requests.average;
      process.stderr.write(` ${Math.round(rate)}`);
      if (window >= WARMUP_MIN_WINDOWS && rate < best * WARM_GAIN) break;
      best = Math.max(best, rate);
    }
    process.stderr.write('\nloading the WireMock stub...\n');
    return await measure(target);
  } finally {
    await stopServer(server);
  }
}
