// Soak test: a long run of mixed data-plane calls against one wxlocal on a SQLite file, to see whether its
// throughput and its data file stay flat while history piles up (tokens, pre-auth codes, quota rows).
// Reached through `node bench/run.mjs --soak [--check]`; SOAK_CALLS sets the number of calls (1,000,000).
import { statSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startWxlocal, stopServers, tempDir } from './servers.mjs';

const CONNECTIONS = 50;
/** The run is reported in this many windows of equal size: 100,000 calls each for the default run. */
const WINDOWS = 10;
/**
 * The emulated clock moves this far every half window (every 50,000 calls of the default run): half an hour,
 * so that expiry and pruning reach their steady state within the first two windows.
 */
const CLOCK_STEP_SECONDS = 1800;
/** Met when the last window's calls/s is at least this share of the first window's. */
const MIN_THROUGHPUT_RATIO = 0.9;
/** Met when the data file after the last window is at most this many times its size after the second. */
const MAX_SIZE_GROWTH = 1.5;
/** Transport errors and non-200 answers tolerated before the run gives up (the server probably died). */
const MAX_FAILURES = 1000;

const PLATFORM = 'wxd0c0de0000000001';
const PLATFORM_SECRET = 'd0c0de00000000000000000000000001';
const MINI_PROGRAM = 'wxd0c0de0000000003';
const MINI_PROGRAM_SECRET = 'd0c0de00000000000000000000000003';

function readCalls() {
  const calls = Number(process.env.SOAK_CALLS ?? 1_000_000);
  if (!Number.isInteger(calls) || calls < WINDOWS) {
    throw new Error(
      `SOAK_CALLS must be a whole number of at least ${WINDOWS}, got ${process.env.SOAK_CALLS}`,
    );
  }
  return calls;
}

/** `request(method, path, body?)` over keep-alive connections to `baseUrl`; resolves with status and text. */
function client(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = payload === undefined ? {} : { 'content-type': 'application/json' };
      const request = http.request({ hostname, port, path, method, headers, agent }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode, text }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
}

/** One setup call outside the measured load; anything but a clean answer stops the run. */
async function setupCall(request, method, path, body) {
  const { status, text } = await request(method, path, body);
  const answer = status === 200 ? JSON.parse(text) : undefined;
  if (answer === undefined || (answer.errcode ?? 0) !== 0) {
    throw new Error(`${method} ${path}: unexpected answer ${status} ${text}`);
  }
  return answer;
}

/** The credentials the load starts with, got the way a third-party platform gets them. */
async function credentials(request) {
  const ticket = (await setupCall(request, 'GET', `/_wxlocal/platforms/${PLATFORM}/ticket`)).verify_ticket;
  const componentToken = (
    await setupCall(request, 'POST', '/cgi-bin/component/api_component_token', {
      component_appid: PLATFORM,
      component_appsecret: PLATFORM_SECRET,
      component_verify_ticket: ticket,
    })
  ).component_access_token;
  const { authorizations } = await setupCall(request, 'GET', '/_wxlocal/authorizations');
  const refreshToken = authorizations.find(
    (a) => a.component_appid === PLATFORM && a.authorizer_appid === MINI_PROGRAM,
  )?.authorizer_refresh_token;
  if (!refreshToken)
    throw new Error(`no authorization of ${MINI_PROGRAM} by ${PLATFORM} (demo seed missing?)`);
  const miniProgramToken = (
    await setupCall(
      request,
      'POST',
      `/cgi-bin/component/api_authorizer_token?component_access_token=${componentToken}`,
      { component_appid: PLATFORM, authorizer_appid: MINI_PROGRAM, authorizer_refresh_token: refreshToken },
    )
  ).authorizer_access_token;
  return { ticket, componentToken, refreshToken, miniProgramToken };
}

/**
 * One round of the mix. Every call that issues something (a component token, an authorizer token, a
 * pre_auth_code, a quota row) adds to the history the store keeps; `learn` takes the newest credentials from
 * a successful answer, so every connection uses what the last answer handed out.
 */
function mix(state) {
  const q = encodeURIComponent;
  return [
    {
      name: 'ticket (control plane)',
      method: 'GET',
      path: () => `/_wxlocal/platforms/${PLATFORM}/ticket`,
      learn: (answer) => {
        state.ticket = answer.verify_ticket;
      },
    },
    {
      name: 'api_component_token',
      method: 'POST',
      path: () => '/cgi-bin/component/api_component_token',
      body: () => ({
        component_appid: PLATFORM,
        component_appsecret: PLATFORM_SECRET,
        component_verify_ticket: state.ticket,
      }),
      learn: (answer) => {
        state.componentToken = answer.component_access_token;
      },
    },
    {
      name: 'api_authorizer_token',
      method: 'POST',
      path: () => `/cgi-bin/component/api_authorizer_token?component_access_token=${q(state.componentToken)}`,
      body: () => ({
        component_appid: PLATFORM,
        authorizer_appid: MINI_PROGRAM,
        authorizer_refresh_token: state.refreshToken,
      }),
      learn: (answer) => {
        state.miniProgramToken = answer.authorizer_access_token;
        state.refreshToken = answer.authorizer_refresh_token ?? state.refreshToken;
      },
    },
    {
      name: 'api_create_preauthcode',
      method: 'POST',
      path: () =>
        `/cgi-bin/component/api_create_preauthcode?component_access_token=${q(state.componentToken)}`,
      body: () => ({ component_appid: PLATFORM }),
    },
    {
      name: 'getwxasearchstatus',
      method: 'GET',
      path: () => `/wxa/getwxasearchstatus?access_token=${q(state.miniProgramToken)}`,
    },
    {
      name: 'changewxasearchstatus',
      method: 'POST',
      path: () => `/wxa/changewxasearchstatus?access_token=${q(state.miniProgramToken)}`,
      body: (round) => ({ status: round % 2 }),
    },
    {
      name: 'qrcodejumpget',
      method: 'POST',
      path: () => `/cgi-bin/wxopen/qrcodejumpget?access_token=${q(state.miniProgramToken)}`,
      body: () => ({}),
    },
    {
      name: 'stable_token',
      method: 'POST',
      path: () => '/cgi-bin/stable_token',
      body: () => ({ grant_type: 'client_credential', appid: MINI_PROGRAM, secret: MINI_PROGRAM_SECRET }),
    },
  ];
}

/** Bytes of the SQLite file and its write-ahead log (0 for one that does not exist at the moment). */
function fileSizes(dataFile) {
  const size = (file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return { db: size(dataFile), wal: size(`${dataFile}-wal`) };
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);
const row = (cells) => cells.map((cell, i) => String(cell).padStart(i === 0 ? 6 : 10)).join('  ');

/**
 * Runs the soak and prints one line per window, then the verdicts. Resolves with true when both the
 * throughput and the file size criteria are met.
 */
export async function soak() {
  const total = readCalls();
  const windowSize = Math.ceil(total / WINDOWS);
  const clockEvery = Math.max(1, Math.floor(windowSize / 2));
  const dataFile = join(tempDir('wxlocal-soak-'), 'soak.db');
  try {
    const wxlocal = await startWxlocal(dataFile);
    const request = client(wxlocal.url);
    const state = await credentials(request);
    const steps = mix(state);

    console.log(
      `\nwxlocal soak: ${total} calls over ${CONNECTIONS} connections against one wxlocal on ${dataFile}` +
        ` (node ${process.version}, ${availableParallelism()} CPUs)` +
        `\nmix, in turn on each connection: ${steps.map((s) => s.name).join(', ')}` +
        `\nany HTTP 200 counts as a call, whatever its errcode; the emulated clock is advanced` +
        ` ${CLOCK_STEP_SECONDS} s every ${clockEvery} calls (POST /_wxlocal/clock, not counted)\n`,
    );
    console.log(row(['window', 'calls', 'calls/s', 'db MB', 'wal MB', 'file MB', 'clock +s']));

    let reserved = 0; // calls started or done; a failed request gives its slot back
    let calls = 0; // HTTP 200 answers
    let failures = 0;
    let gaveUp = false;
    let advancedSeconds = 0;
    const transportErrors = new Map();
    const otherStatuses = new Map();
    const errcodes = new Map();
    const windows = [];
    let windowStart = performance.now();
    let windowStartCalls = 0;
    const startedAt = windowStart;
    const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

    const closeWindow = () => {
      const now = performance.now();
      const sizes = fileSizes(dataFile);
      const window = {
        calls: calls - windowStartCalls,
        callsPerSecond: (calls - windowStartCalls) / ((now - windowStart) / 1000),
        bytes: sizes.db + sizes.wal,
      };
      windows.push(window);
      console.log(
        row([
          windows.length,
          window.calls,
          Math.round(window.callsPerSecond),
          mb(sizes.db),
          mb(sizes.wal),
          mb(window.bytes),
          advancedSeconds,
        ]),
      );
      windowStart = now;
      windowStartCalls = calls;
    };

    const fail = (what, error) => {
      reserved--;
      failures++;
      if (failures <= MAX_FAILURES) return;
      gaveUp = true; // the other connections stop too
      throw new Error(`more than ${MAX_FAILURES} failed requests, last: ${what}`, { cause: error });
    };

    const send = async (step, round) => {
      let answer;
      try {
        answer = await request(step.method, step.path(), step.body?.(round));
      } catch (error) {
        bump(transportErrors, `${step.name}: ${error.code ?? error.message}`);
        return fail(`${step.name}: ${error.message}`, error);
      }
      if (answer.status !== 200) {
        bump(otherStatuses, `${step.name} HTTP ${answer.status}`);
        return fail(`${step.name} answered HTTP ${answer.status} ${answer.text}`);
      }
      calls++;
      const body = JSON.parse(answer.text);
      const errcode = body.errcode ?? 0;
      if (errcode === 0) step.learn?.(body);
      else bump(errcodes, `${step.name} ${errcode}`);
      if (calls % windowSize === 0 || calls === total) closeWindow();
      if (calls % clockEvery === 0 && calls < total) {
        await setupCall(request, 'POST', '/_wxlocal/clock', { advance: CLOCK_STEP_SECONDS });
        advancedSeconds += CLOCK_STEP_SECONDS;
      }
    };

    // Each connection walks the mix from its own starting step, so that the steps are spread over time.
    const connection = async (offset) => {
      for (let i = offset; reserved < total && !gaveUp; i++) {
        reserved++;
        await send(steps[i % steps.length], Math.floor(i / steps.length));
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, offset) => connection(offset)));
    const seconds = (performance.now() - startedAt) / 1000;

    const list = (map) =>
      map.size === 0
        ? 'none'
        : [...map]
            .sort((a, b) => b[1] - a[1])
            .map(([what, count]) => `${what} x ${count}`)
            .join(', ');
    const errorCount = [...errcodes.values()].reduce((sum, n) => sum + n, 0);
    console.log(
      `\n${calls} calls in ${seconds.toFixed(1)} s (${Math.round(calls / seconds)} calls/s overall),` +
        ` ${(100 * (1 - errorCount / calls)).toFixed(1)} % with errcode 0` +
        `\nWeChat errcodes other than 0: ${list(errcodes)}` +
        `\ntransport errors: ${list(transportErrors)}` +
        `\nnon-200 answers (not counted as calls): ${list(otherStatuses)}`,
    );

    const first = windows[0];
    const last = windows.at(-1);
    const ratio = last.callsPerSecond / first.callsPerSecond;
    const throughputMet = ratio >= MIN_THROUGHPUT_RATIO;
    const growth = last.bytes / windows[1].bytes;
    const sizeMet = growth <= MAX_SIZE_GROWTH;
    const verdict = (met) => (met ? 'met' : 'NOT MET');
    console.log(
      `\nthroughput: last window ${Math.round(last.callsPerSecond)} calls/s vs first` +
        ` ${Math.round(first.callsPerSecond)} = ${(100 * ratio).toFixed(1)} %` +
        ` (target >= ${100 * MIN_THROUGHPUT_RATIO} %): ${verdict(throughputMet)}` +
        `\nfile size: after the last window ${mb(last.bytes)} MB vs ${mb(windows[1].bytes)} MB after window 2` +
        ` = ${growth.toFixed(2)}x (target <= ${MAX_SIZE_GROWTH}x): ${verdict(sizeMet)}`,
    );
    return throughputMet && sizeMet;
  } finally {
    await stopServers();
  }
}
