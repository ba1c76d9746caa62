#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { version } from './app.js';
import { type ServedWxlocal, StartError, serveWxlocal, type Wxlocal } from './embed/start.js';
import { runCommand } from './exec.js';
import { DEMO, readSeedFile, type Seed } from './seed.js';
import { DatabaseError, DataFileError } from './store/index.js';

const DEFAULT_DATA_FILE = '.wxlocal/wxlocal.db';

const USAGE = `Usage: wxlocal serve [options]
       wxlocal exec [options] -- <command> [args…]

Commands:
  serve                runs the emulator until stopped (Ctrl-C)
  exec                 starts the emulator, runs the command with WXLOCAL_URL (and, with the demo seed, the
                       demo credentials as WXLOCAL_*) in its environment, stops the emulator when the command
                       ends and exits with its exit code; the state is in memory unless --data is given

Options:
  --host <host>        interface to listen on (env WXLOCAL_HOST, default 127.0.0.1)
  --port <port>        port, 0 picks a free one (env WXLOCAL_PORT; default serve 8077, exec 0)
  --data <file>        SQLite file that keeps the state (serve: env WXLOCAL_DATA, default .wxlocal/wxlocal.db)
  --memory             keep the state in memory only (the default of exec)
  --database <url>     keep the state in PostgreSQL, shared by every instance given the same URL (serve: env
                       WXLOCAL_DATABASE_URL), e.g. postgres://wx:wx@db:5432/wxlocal
  --database-pool-size <n>
                       connections to PostgreSQL at most (default 10)
  --database-statement-timeout <ms>
                       how long one PostgreSQL statement may run (default 5000)
  --seed <file>        load platforms, accounts and authorizations from a JSON file
  --state <file>       start from a state document (GET /_wxlocal/state)
  --callback <url>     the demo platform's authorization-event URL: tickets and events are pushed there
                       (env WXLOCAL_CALLBACK)
  --no-demo            do not create the demo platform and accounts
  --api-quota <mode>   report (default): only /cgi-bin/token, stable_token and clear_quota answer 45009 at
                       their daily limit, and the APIs given a limit on the control plane; enforce: every API
                       (env WXLOCAL_API_QUOTA)
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
  database?: string;
  databasePoolSize?: number;
  databaseStatementTimeoutMs?: number;
  seeds: Seed[];
  state?: string;
  demo: boolean;
  callback?: string;
  logLevel: string;
  adminToken?: string;
  verifyHttp: boolean;
  hostMap: Record<string, string>;
  apiQuota: 'report' | 'enforce';
}

const OPTION_SPEC = {
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  memory: { type: 'boolean' },
  database: { type: 'string' },
  'database-pool-size': { type: 'string' },
  'database-statement-timeout': { type: 'string' },
  seed: { type: 'string' },
  state: { type: 'string' },
  callback: { type: 'string' },
  'no-demo': { type: 'boolean' },
  'log-level': { type: 'string' },
  'admin-token': { type: 'string' },
  'verify-http': { type: 'boolean' },
  'api-quota': { type: 'string' },
  'host-map': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC }>>['values'];

type Command =
  | { name: 'serve'; options: ServeOptions }
  | { name: 'exec'; options: ServeOptions; run: string[] };

function parseCommandLine(argv: string[]): Command | 'help' | 'version' {
  // What follows `--` is exec's command, not ours to parse.
  const dash = argv.indexOf('--');
  const run = dash < 0 ? [] : argv.slice(dash + 1);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_SPEC; allowPositionals: true }>>;
  try {
    const args = dash < 0 ? argv : argv.slice(0, dash);
    parsed = parseArgs({ args, options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    // `wxlocal exec npm test -- --watch`-like slips: the command's own options reached us.
    const hint = dash < 0 && argv.includes('exec') ? ' (wxlocal exec: put the command after --)' : '';
    throw new UsageError((error as Error).message + hint);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...rest] = positionals;
  if (command === 'serve') {
    const unexpected = rest[0] ?? run[0];
    if (unexpected !== undefined) throw new UsageError(`unexpected argument: ${unexpected}`);
    const data = values.data ?? process.env.WXLOCAL_DATA;
    // --data and --memory given on the command line win over the environment's database.
    const fromEnv = values.data || values.memory ? undefined : process.env.WXLOCAL_DATABASE_URL || undefined;
    const database = parseDatabase(values.database ?? fromEnv);
    const options = serveOptions(values, values.memory || database ? undefined : data, '8077');
    return { name: 'serve', options: { ...options, database } };
  }
  if (command === 'exec') {
    if (rest[0] !== undefined)
      throw new UsageError(`unexpected argument: ${rest[0]} (put the command after --)`);
    if (run.length === 0)
      throw new UsageError('missing command: wxlocal exec [options] -- <command> [args…]');
    // A test run starts from a clean state in memory on a free port (the command reads WXLOCAL_URL);
    // WXLOCAL_DATA, meant for serve, is not read.
    const options = serveOptions(values, values.data, '0');
    const database = parseDatabase(values.database);
    const memory = values.data === undefined && database === undefined;
    return { name: 'exec', options: { ...options, memory, database }, run };
  }
  throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
}

/** The options serve and exec share; `data` is the file given, if any. */
function serveOptions(values: Values, data: string | undefined, defaultPort: string): ServeOptions {
  if (values.memory && values.data) throw new UsageError('--data and --memory cannot be used together');
  if (values.database !== undefined && (values.memory || values.data))
    throw new UsageError(`--database and --${values.memory ? 'memory' : 'data'} cannot be used together`);
  if (values.callback && values['no-demo'])
    throw new UsageError('--callback sets the demo platform: drop --no-demo');
  const logLevel = values['log-level'] ?? 'warn';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new UsageError(`invalid --log-level: ${logLevel}`);
  }
  return {
    host: values.host ?? process.env.WXLOCAL_HOST ?? '127.0.0.1',
    port: parsePort(values.port ?? process.env.WXLOCAL_PORT ?? defaultPort),
    data,
    memory: values.memory ?? false,
    seeds: values.seed ? [readSeed(values.seed)] : [],
    state: values.state,
    demo: !values['no-demo'],
    callback: parseCallback(values.callback ?? process.env.WXLOCAL_CALLBACK),
    logLevel,
    adminToken: parseAdminToken(values['admin-token'] ?? process.env.WXLOCAL_ADMIN_TOKEN),
    verifyHttp: values['verify-http'] ?? false,
    hostMap: parseHostMap(values['host-map'] ?? []),
    apiQuota: parseApiQuota(values['api-quota'] ?? process.env.WXLOCAL_API_QUOTA ?? 'report'),
    databasePoolSize: parseCount('--database-pool-size', values['database-pool-size'], 1000),
    databaseStatementTimeoutMs: parseCount(
      '--database-statement-timeout',
      values['database-statement-timeout'],
      3_600_000,
    ),
  };
}

function parseApiQuota(text: string): 'report' | 'enforce' {
  if (text !== 'report' && text !== 'enforce') {
    throw new UsageError(`invalid --api-quota: ${text} (report or enforce)`);
  }
  return text;
}

/** A whole number from 1 to `max`, or undefined when the option is not given. */
function parseCount(option: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= max)) throw new UsageError(`invalid ${option}: ${text} (1 to ${max})`);
  return value;
}

function parseDatabase(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url))
    throw new UsageError(`invalid --database: ${url} (want postgres://user:password@host:port/name)`);
  return url;
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

function start(options: ServeOptions): Promise<ServedWxlocal> {
  return serveWxlocal({
    file: options.memory || options.database ? undefined : (options.data ?? DEFAULT_DATA_FILE),
    database: options.database,
    databasePoolSize: options.databasePoolSize,
    databaseStatementTimeoutMs: options.databaseStatementTimeoutMs,
    host: options.host,
    port: options.port,
    demo: options.demo,
    seed: options.seeds[0],
    state: options.state,
    callback: options.callback,
    logLevel: options.logLevel,
    adminToken: options.adminToken,
    verifyHttp: options.verifyHttp,
    hostMap: options.hostMap,
    apiQuota: options.apiQuota,
  });
}

async function serve(options: ServeOptions): Promise<void> {
  const wx = await start(options);
  // Handlers first: a supervisor may signal as soon as it reads the listening line.
  stopOnSignals(wx);
  // One write, so that a reader of the listening line has the whole banner with it.
  const banner = [
    `wxlocal listening on ${wx.url}`,
    consoleBanner(wx.url, wx.adminToken, options.adminToken === undefined),
  ];
  if (wx.adminToken) banner.push(adminTokenBanner(wx.adminToken, options.adminToken === undefined));
  if (options.demo) banner.push(await demoBanner(wx));
  console.log(banner.join('\n'));
}

/** Runs the command against a new emulator; leaves with the command's exit code. */
async function exec(options: ServeOptions, run: string[]): Promise<never> {
  const wx = await start(options);
  // stdout is the command's: wxlocal's own line goes to stderr.
  console.error(`wxlocal listening on ${wx.url}`);
  process.exit(await runCommand(wx, run, options.demo));
}

/** The web console's address, with the token it keeps for its calls when the control plane needs one. */
function consoleBanner(url: string, token: string | undefined, generated: boolean): string {
  const hash = token === undefined ? '' : `#token=${generated ? token : '(the --admin-token given)'}`;
  return `console                    ${url}/_wxlocal/ui/${hash}`;
}

/** Off loopback the control plane is closed to callers without the token: say so, and how to send it. */
function adminTokenBanner(token: string, generated: boolean): string {
  return `
control plane token        ${generated ? token : '(the --admin-token given)'}
  send it as               Authorization: Bearer <token>; anyone who can reach this address reaches the
                           WeChat API and the authorization page, only token holders the control plane`;
}

/** Read in this process: the banner comes with the listening line, as soon as possible. */
async function demoBanner({ url, read }: ServedWxlocal): Promise<string> {
  const ticket = await read('platforms.ticket', { appid: DEMO.platform.appid });
  const grants = (await read('authorizations.list')).authorizations;
  const refreshToken = (appid: string) =>
    grants.find((g) => g.component_appid === DEMO.platform.appid && g.authorizer_appid === appid)
      ?.authorizer_refresh_token ?? '(not authorized)';
  return `
demo third-party platform (component)
  component_appid          ${DEMO.platform.appid}
  component_appsecret      ${DEMO.platform.secret}
  component_verify_ticket  ${ticket.verify_ticket}
  message token            ${DEMO.platform.message_token}
  EncodingAESKey           ${DEMO.platform.encoding_aes_key}
demo Official Account
  authorizer_appid         ${DEMO.officialAccount.appid}
  authorizer_refresh_token ${refreshToken(DEMO.officialAccount.appid)}
demo Mini Program
  authorizer_appid         ${DEMO.miniProgram.appid}
  authorizer_refresh_token ${refreshToken(DEMO.miniProgram.appid)}
control plane              ${url}/_wxlocal/  (see README)`;
}

function stopOnSignals(wx: Wxlocal): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await wx.close();
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
    if (options.name === 'exec') await exec(options.options, options.run);
    else await serve(options.options);
  } catch (error) {
    // A wrong option shows the usage; a start-up problem (data file, port) is one line that says what to do.
    const usage = error instanceof UsageError || (error instanceof StartError && error.inOptions);
    if (usage) console.error(`wxlocal: ${(error as Error).message}\n\n${USAGE}`);
    else if (error instanceof DataFileError || error instanceof DatabaseError || error instanceof StartError)
      console.error(`wxlocal: ${error.message}`);
    else throw error;
    process.exit(2);
  }
}

await main();
