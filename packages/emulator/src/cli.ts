#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createEmulator, type Emulator, version } from './app.js';
import { changePlatform } from './areas/accounts/control.js';
import { authorizationsList } from './areas/authorizations/control.js';
import { currentTicket } from './areas/tokens/verify-tickets.js';
import { type Runtime, transact } from './runtime.js';
import { applySeed, DEMO, demoSeed, readSeedFile, type Seed } from './seed.js';
import { DataFileError } from './store/index.js';

const USAGE = `Usage: wxlocal serve [options]

Options:
  --host <host>        interface to listen on (env WXLOCAL_HOST, default 127.0.0.1)
  --port <port>        port, 0 picks a free one (env WXLOCAL_PORT, default 8077)
  --data <file>        SQLite file that keeps the state (env WXLOCAL_DATA, default .wxlocal/wxlocal.db)
  --memory             keep the state in memory only
  --seed <file>        load platforms, accounts and authorizations from a JSON file
  --callback <url>     the demo platform's authorization-event URL: tickets and events are pushed there
                       (env WXLOCAL_CALLBACK)
  --no-demo            do not create the demo platform and accounts
  --verify-http        verify confirm files by fetching them for real, not from the control-plane registry
  --host-map <h=url>   with --verify-http, fetch host h from url instead (repeatable),
                       e.g. www.example.com=http://127.0.0.1:9000
  --admin-token <t>    the control plane's token when --host is not a loopback address (env
                       WXLOCAL_ADMIN_TOKEN; generated and printed at start when absent)
  --log-level <level>  fatal, error, warn, info, debug (default warn)
  -h, --help           show this help
  -v, --version        print the version`;

class UsageError extends Error {}

interface ServeOptions {
  host: string;
  port: number;
  data?: string;
  memory: boolean;
  seeds: Seed[];
  demo: boolean;
  callback?: string;
  logLevel: string;
  adminToken?: string;
  verifyHttp: boolean;
  hostMap: Record<string, string>;
}

function parseCommandLine(argv: string[]): ServeOptions | 'help' | 'version' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
  const optionSpec = {
    host: { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string' },
    memory: { type: 'boolean' },
    seed: { type: 'string' },
    callback: { type: 'string' },
    'no-demo': { type: 'boolean' },
    'log-level': { type: 'string' },
    'admin-token': { type: 'string' },
    'verify-http': { type: 'boolean' },
    'host-map': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  } as const;
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...rest] = positionals;
  if (command !== 'serve') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0]}`);

  const data = values.data ?? process.env.WXLOCAL_DATA;
  if (values.memory && values.data) throw new UsageError('--data and --memory cannot be used together');
  if (values.callback && values['no-demo'])
    throw new UsageError('--callback sets the demo platform: drop --no-demo');
  const logLevel = values['log-level'] ?? 'warn';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new UsageError(`invalid --log-level: ${logLevel}`);
  }
  return {
    host: values.host ?? process.env.WXLOCAL_HOST ?? '127.0.0.1',
    port: parsePort(values.port ?? process.env.WXLOCAL_PORT ?? '8077'),
    data: values.memory ? undefined : data,
    memory: values.memory ?? false,
    seeds: values.seed ? [readSeed(values.seed)] : [],
    demo: !values['no-demo'],
    callback: parseCallback(values.callback ?? process.env.WXLOCAL_CALLBACK),
    logLevel,
    adminToken: parseAdminToken(values['admin-token'] ?? process.env.WXLOCAL_ADMIN_TOKEN),
    verifyHttp: values['verify-http'] ?? false,
    hostMap: parseHostMap(values['host-map'] ?? []),
  };
}

function parseAdminToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  if (!/^[\x21-\x7e]{16,200}$/.test(token))
    throw new UsageError('invalid --admin-token: 16 to 200 printable characters, no spaces');
  return token;
}

function parseCallback(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  if (!/^https?:\/\//.test(url) || !URL.canParse(url)) throw new UsageError(`invalid --callback: ${url}`);
  return url;
}

function parseHostMap(entries: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const [host, url] = entry.split(/=(.*)/s);
    if (!host || !url || !URL.canParse(url))
      throw new UsageError(`invalid --host-map: ${entry} (want host=url)`);
    map[host.toLowerCase()] = url;
  }
  return map;
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`invalid port: ${text}`);
  return port;
}

function readSeed(file: string): Seed {
  try {
    return readSeedFile(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function serve(options: ServeOptions): Promise<void> {
  const emulator = await createEmulator({
    file: options.data,
    memory: options.memory,
    logLevel: options.logLevel,
    adminToken: options.adminToken,
    verifyHttp: options.verifyHttp,
    hostMap: options.hostMap,
  });
  const { runtime } = emulator;
  try {
    for (const seed of [...(options.demo ? [demoSeed] : []), ...options.seeds])
      await applySeed(runtime, seed);
  } catch (error) {
    await emulator.close();
    throw new UsageError(`cannot apply seed: ${(error as Error).message}`);
  }
  if (options.callback) {
    const changes = { auth_event_url: options.callback };
    await transact(runtime, (scope) => changePlatform(scope, DEMO.platform.appid, changes));
  }
  const url = await emulator.listen(options.port, options.host);
  // Handlers first: a supervisor may signal as soon as it reads the listening line.
  stopOnSignals(emulator);
  console.log(`wxlocal listening on ${url}`);
  if (emulator.adminToken) printAdminToken(emulator.adminToken, options.adminToken === undefined);
  if (options.demo) await printDemo(url, runtime);
}

/** Off loopback the control plane is closed to callers without the token: say so, and how to send it. */
function printAdminToken(token: string, generated: boolean): void {
  console.log(`
control plane token        ${generated ? token : '(the --admin-token given)'}
  send it as               Authorization: Bearer <token>; anyone who can reach this address reaches the
                           WeChat API and the authorization page, only token holders the control plane`);
}

async function printDemo(url: string, runtime: Runtime): Promise<void> {
  const { ticket, grants } = await transact(runtime, async (scope) => ({
    ticket: await currentTicket(scope.tx, DEMO.platform.appid, scope.now),
    grants: await authorizationsList(scope),
  }));
  const refreshToken = (appid: string) =>
    grants.find((g) => g.component_appid === DEMO.platform.appid && g.authorizer_appid === appid)
      ?.authorizer_refresh_token ?? '(not authorized)';
  console.log(`
demo third-party platform (component)
  component_appid          ${DEMO.platform.appid}
  component_appsecret      ${DEMO.platform.secret}
  component_verify_ticket  ${ticket.ticket}
  message token            ${DEMO.platform.message_token}
  EncodingAESKey           ${DEMO.platform.encoding_aes_key}
demo Official Account
  authorizer_appid         ${DEMO.officialAccount.appid}
  authorizer_refresh_token ${refreshToken(DEMO.officialAccount.appid)}
demo Mini Program
  authorizer_appid         ${DEMO.miniProgram.appid}
  authorizer_refresh_token ${refreshToken(DEMO.miniProgram.appid)}
control plane              ${url}/_wxlocal/  (see README)`);
}

function stopOnSignals(emulator: Emulator): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  try {
    const options = parseCommandLine(process.argv.slice(2));
    if (options === 'help') return console.log(USAGE);
    if (options === 'version') return console.log(version);
    await serve(options);
  } catch (error) {
    // The flags were fine but the data file is not: its one-line message says what to do, no usage text.
    if (error instanceof DataFileError) console.error(`wxlocal: ${error.message}`);
    else if (error instanceof UsageError) console.error(`wxlocal: ${error.message}\n\n${USAGE}`);
    else throw error;
    process.exit(2);
  }
}

await main();
