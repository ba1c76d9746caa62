// Benchmark for the performance targets in DESIGN.md: a bare node:http server and wxlocal are loaded the
// same way in one run, so the emulator is judged by ratios rather than by absolute numbers of this machine.
// Run with `npm run bench` (builds first). BENCH_SECONDS sets the measured duration per endpoint.
// `npm run bench -- --soak [--check]` runs the soak test of soak.mjs instead (see README.md here).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, startWxlocal, stopServers, tempDir } from './servers.mjs';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const SECONDS = readSeconds();

const PLATFORM = 'wxd0c0de0000000001';
const MINI_PROGRAM = 'wxd0c0de0000000003';

/** The targets of DESIGN.md "Performance targets". */
const TARGETS = {
  readRatio: 50,
  writeRatio: 35,
  p99Ms: 5,
  coldStartMs: 500,
  rssMb: 150,
  firstImportMs: 300,
  embeddedStartMs: 30,
  restoreMs: 5,
  instancesRssMb: 150,
};

/** Runs in its own process so that it does not share an event loop (or a CPU slice) with autocannon. */
const BASELINE_SERVER = `
const http = require('node:http');
const body = Buffer.from('{"errcode":0,"errmsg":"ok"}');
http
  .createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  })
  .listen(0, '127.0.0.1', function () {
    console.log('baseline listening on http://127.0.0.1:' + this.address().port);
  });
`;

function readSeconds() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!(seconds > 0))
    throw new Error(`BENCH_SECONDS must be a positive number, got ${process.env.BENCH_SECONDS}`);
  return seconds;
}

async function miniProgramToken(url) {
  const response = await fetch(`${url}/_wxlocal/authorizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ component_appid: PLATFORM, authorizer_appid: MINI_PROGRAM, func_info: [18] }),
  });
  const body = await response.json();
  if (response.status !== 201 || typeof body.authorizer_access_token !== 'string') {
    throw new Error(`cannot get a Mini Program token: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.authorizer_access_token;
}

/** One request outside the load, so that a wrong answer is reported with its body. */
async function checkOnce(target) {
  const response = await fetch(target.url, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || body?.errcode !== 0) {
    throw new Error(`${target.name}: unexpected answer ${response.status} ${text}`);
  }
  return body;
}

/** WeChat errors come with HTTP 200, so every body is checked for errcode 0 as well. */
const isSuccess = (body) => body.includes('"errcode":0,') || body.includes('"errcode":0}');

function load(target, seconds, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections: CONNECTIONS,
        duration: seconds,
        verifyBody: isSuccess,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon's own percentiles are whole milliseconds; keep the exact times to compare with 5 ms.
    if (latencies) instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
}

function failures(result) {
  const counts = {
    'non-2xx': result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    'bodies without errcode 0': result.mismatches,
  };
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`);
}

function percentile(values, p) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Warm-up, then the measured run; a failed request in either makes the whole benchmark fail. */
async function measure(target) {
  await checkOnce(target);
  const warmup = await load(target, WARMUP_SECONDS);
  const latencies = [];
  const result = await load(target, SECONDS, latencies);
  const problems = [...failures(warmup), ...failures(result)];
  if (problems.length > 0) throw new Error(`${target.name}: ${problems.join(', ')}`);
  await checkOnce(target);
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: percentile(latencies, 99),
    requests: result.requests.total,
  };
}

/** Reads a field such as VmHWM from /proc/<pid>/status, in MB; null where /proc is not available. */
function procStatusMb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples VmRSS as a fallback for kernels that do not report VmHWM. */
function trackRss(pid) {
  let sampled = null;
  const sample = () => {
    const rss = procStatusMb(pid, 'VmRSS');
    if (rss !== null) sampled = Math.max(sampled ?? 0, rss);
  };
  // unref: a failed run must not be kept alive by the sampler.
  const timer = setInterval(sample, 100).unref();
  return () => {
    sample();
    clearInterval(timer);
    return procStatusMb(pid, 'VmHWM') ?? sampled;
  };
}

function wxTarget(name, url, token, method, body) {
  return {
    name,
    url: `${url}/wxa/${name}?access_token=${encodeURIComponent(token)}`,
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body,
  };
}

/** The embedded measures of embedded.mjs, in a fresh Node process. */
async function measureEmbedded() {
  const { execFileSync } = await import('node:child_process');
  const script = fileURLToPath(new URL('./embedded.mjs', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' }).trim().split('\n').at(-1));
}

function evaluate(endpoints, coldStartMs, peakRssMb, embedded) {
  const ratio = (name) => (100 * endpoints[name].requestsPerSecond) / endpoints.baseline.requestsPerSecond;
  const check = (name, measured, unit, op, target) => ({
    name,
    measured,
    unit,
    target: `${op} ${target}`,
    met: measured !== null && (op === '>=' ? measured >= target : measured <= target),
  });
  return [
    check('read req/s vs baseline', ratio('getwxasearchstatus'), '%', '>=', TARGETS.readRatio),
    check('write req/s vs baseline', ratio('changewxasearchstatus'), '%', '>=', TARGETS.writeRatio),
    check('read p99', endpoints.getwxasearchstatus.p99Ms, 'ms', '<=', TARGETS.p99Ms),
    check('write p99', endpoints.changewxasearchstatus.p99Ms, 'ms', '<=', TARGETS.p99Ms),
    check('cold start', coldStartMs, 'ms', '<=', TARGETS.coldStartMs),
    check('peak RSS', peakRssMb, 'MB', '<=', TARGETS.rssMb),
    check('embedded: first import', embedded.firstImportMs, 'ms', '<=', TARGETS.firstImportMs),
    check('embedded: start to 1st call', embedded.startMs, 'ms', '<=', TARGETS.embeddedStartMs),
    check('snapshot restore (1k rules)', embedded.restoreMs, 'ms', '<=', TARGETS.restoreMs),
    check('20 instances RSS', embedded.rss20Mb, 'MB', '<=', TARGETS.instancesRssMb),
  ];
}

function printReport(report) {
  const row = (cells, widths) =>
    cells.map((cell, i) => String(cell)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  ');
  console.log(
    `\nwxlocal benchmark: ${CONNECTIONS} connections, ${SECONDS} s per endpoint after ${WARMUP_SECONDS} s warm-up` +
      ` (node ${process.version}, ${availableParallelism()} CPUs)\n`,
  );
  const endpointWidths = [24, 10, 9];
  console.log(row(['endpoint', 'req/s', 'p99 ms'], endpointWidths));
  for (const [name, e] of Object.entries(report.endpoints)) {
    console.log(row([name, Math.round(e.requestsPerSecond), e.p99Ms.toFixed(2)], endpointWidths));
  }
  const targetWidths = [28, 10, 10, 8];
  console.log(`\n${row(['target', 'measured', 'target', ''], targetWidths)}`);
  for (const t of report.targets) {
    const measured = t.measured === null ? 'n/a' : `${t.measured.toFixed(1)} ${t.unit}`;
    console.log(row([t.name, measured, `${t.target} ${t.unit}`, t.met ? 'met' : 'NOT MET'], targetWidths));
  }
}

async function main() {
  try {
    const baseline = await startServer('baseline server', ['-e', BASELINE_SERVER]);
    const wxlocal = await startWxlocal(join(tempDir('wxlocal-bench-'), 'bench.db'));
    const stopTracking = trackRss(wxlocal.child.pid);
    const token = await miniProgramToken(wxlocal.url);

    const targets = [
      { name: 'baseline', url: `${baseline.url}/`, method: 'GET', headers: {} },
      wxTarget('getwxasearchstatus', wxlocal.url, token, 'GET'),
      wxTarget('changewxasearchstatus', wxlocal.url, token, 'POST', JSON.stringify({ status: 1 })),
    ];
    const endpoints = {};
    for (const target of targets) {
      process.stderr.write(`loading ${target.name}...\n`);
      endpoints[target.name] = await measure(target);
    }
    // The writes must have landed: the read now sees the status they set.
    const after = await checkOnce(targets[1]);
    if (after.status !== 1) throw new Error(`search status is ${after.status} after the writes, expected 1`);
    const peakRssMb = stopTracking();
    process.stderr.write('measuring embedded use...\n');
    const embedded = await measureEmbedded();

    const report = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: availableParallelism(),
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      endpoints,
      coldStartMs: wxlocal.coldStartMs,
      peakRssMb,
      embedded,
      targets: evaluate(endpoints, wxlocal.coldStartMs, peakRssMb, embedded),
    };
    printReport(report);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await stopServers();
  }
}

function readFlags() {
  try {
    const { values } = parseArgs({ options: { soak: { type: 'boolean' }, check: { type: 'boolean' } } });
    if (values.check && !values.soak) throw new Error('--check only applies to --soak');
    return values;
  } catch (error) {
    console.error(`${error.message}\nusage: node bench/run.mjs [--soak [--check]]`);
    process.exit(2);
  }
}

// Ctrl-C still runs the exit handler of servers.mjs, which kills the servers and removes the temp files.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const flags = readFlags();
try {
  if (flags.soak) {
    const { soak } = await import('./soak.mjs');
    const met = await soak();
    if (flags.check && !met) process.exitCode = 1;
  } else {
    await main();
  }
} catch (error) {
  console.error(`benchmark failed: ${error.message}`);
  process.exitCode = 1;
}
