import { readFileSync } from 'node:fs';
import type { ControlResponseOf } from '@wxlocal/api';
import { createEmulator, type Emulator, type EmulatorOptions } from '../app.js';
import { changePlatform } from '../areas/accounts/control.js';
import { controlHandlers } from '../areas/index.js';
import type { AreaControlName, ControlHandler } from '../core/index.js';
import { transact } from '../runtime.js';
import { applySeed, DEMO, demoSeed, readSeedFile, type Seed } from '../seed.js';
import { type ControlClient, controlClient, type StateDocument } from './control-client.js';

/** Why an emulator could not start: one line that says what is wrong and what to do. */
export class StartError extends Error {
  override name = 'StartError';

  /** `inOptions`: an option given was wrong (the CLI then shows its usage). */
  constructor(
    message: string,
    readonly inOptions = false,
  ) {
    super(message);
  }
}

export interface WxlocalOptions extends Omit<EmulatorOptions, 'file' | 'memory'> {
  /** SQLite file that keeps the state; in memory when neither it nor `database` is given. */
  file?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless said. */
  host?: string;
  /** The demo platform, Official Account and Mini Program (true unless said). */
  demo?: boolean;
  /** Platforms, accounts and authorizations to create: a seed document, or the path of one. */
  seed?: Seed | string;
  /** The demo platform's authorization-event URL. */
  callback?: string;
  /** A state document (from `control.state.export()`) or its path, to start from. */
  state?: StateDocument | string;
}

export interface Wxlocal {
  /** The base URL to point SDKs at, e.g. `http://127.0.0.1:41234`. */
  url: string;
  control: ControlClient;
  /** The control plane's token, when bound to a non-loopback address. */
  adminToken: string | undefined;
  /** Stops the emulator: the port, every timer and the data file are released. */
  close(): Promise<void>;
}

/** An emulator the CLI runs: also reads its state in this process, without a request. */
export interface ServedWxlocal extends Wxlocal {
  /** What a control route that takes no body answers, e.g. the demo banner's ticket and refresh tokens. */
  read<N extends AreaControlName>(name: N, params?: Record<string, string>): Promise<ControlResponseOf<N>>;
}

/** Starts an emulator in this process (README "wxlocal in a test suite"). */
export async function startWxlocal(options: WxlocalOptions = {}): Promise<Wxlocal> {
  const { url, control, adminToken, close } = await serveWxlocal(options);
  return { url, control, adminToken, close };
}

/** As `startWxlocal`, for the CLI. */
export async function serveWxlocal(options: WxlocalOptions = {}): Promise<ServedWxlocal> {
  const memory = options.file === undefined && options.database === undefined;
  const emulator = await createEmulator({ ...options, memory });
  try {
    await prepare(emulator, options);
    const host = options.host ?? '127.0.0.1';
    const url = await listen(emulator, options.port ?? 0, host);
    const local = url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
    return {
      url,
      control: controlClient(local, { adminToken: emulator.adminToken }),
      adminToken: emulator.adminToken,
      close: () => emulator.close(),
      read: (name, params = {}) =>
        transact(emulator.runtime, (scope) =>
          (controlHandlers[name] as ControlHandler<typeof name>)({
            ...scope,
            params,
            query: {},
            body: undefined as never,
          }),
        ),
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** The control client of an emulator started elsewhere (the CLI, another process, a CI service). */
export function connectWxlocal(url: string, options: { adminToken?: string } = {}) {
  const base = url.replace(/\/+$/, '');
  return { url: base, control: controlClient(base, options) };
}

async function prepare(emulator: Emulator, options: WxlocalOptions): Promise<void> {
  const { runtime } = emulator;
  if (options.state !== undefined) {
    const document = typeof options.state === 'string' ? readStateFile(options.state) : options.state;
    try {
      await emulator.importState(document);
    } catch (error) {
      throw new StartError(`cannot start from the state given: ${(error as Error).message}`);
    }
  }
  const seeds = [
    ...(options.demo === false ? [] : [demoSeed]),
    ...(options.seed ? [seedOf(options.seed)] : []),
  ];
  try {
    for (const seed of seeds) await applySeed(runtime, seed);
  } catch (error) {
    throw new StartError(`cannot apply seed: ${(error as Error).message}`, true);
  }
  if (options.callback) {
    const changes = { auth_event_url: options.callback };
    await transact(runtime, (scope) => changePlatform(scope, DEMO.platform.appid, changes));
  }
}

async function listen(emulator: Emulator, port: number, host: string): Promise<string> {
  try {
    return await emulator.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new StartError(
        `port ${port} on ${host} is in use: stop what uses it, or choose another --port (0 picks a free one)`,
      );
    if (code === 'EACCES')
      throw new StartError(`port ${port} on ${host} needs privileges: choose a port above 1023`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new StartError(`${host} is not an address of this machine: choose another --host`);
    throw error;
  }
}

function seedOf(seed: Seed | string): Seed {
  try {
    return typeof seed === 'string' ? readSeedFile(seed) : seed;
  } catch (error) {
    throw new StartError((error as Error).message, true);
  }
}

function readStateFile(file: string): StateDocument {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StateDocument;
  } catch (error) {
    throw new StartError(`cannot read state file ${file}: ${(error as Error).message}`);
  }
}
