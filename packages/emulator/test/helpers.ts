import { createEmulator, type Emulator, type EmulatorOptions } from '../src/app.js';
import { freshDatabase, onPostgres } from './postgres/databases.js';

export interface Harness {
  emulator: Emulator;
  baseUrl: string;
  /** Raw HTTP call: status, headers and parsed JSON body (or raw text when not JSON). */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  get(path: string): Promise<HttpResult>;
  post(path: string, body?: unknown): Promise<HttpResult>;
  close(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
  text: string;
}

/**
 * Starts an emulator on a free port, in memory unless a file is given; in the suite's run on PostgreSQL, on a
 * database of its own instead of in memory.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Harness> {
  const database = onPostgres && !options.file && !options.database ? await freshDatabase() : undefined;
  const store = database ? { database: database.url } : options.file ? {} : { memory: true };
  const emulator = await createEmulator({ ...store, ...options });
  const baseUrl = await emulator.listen(0, '127.0.0.1');
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
      if (typeof body !== 'string' && !(body instanceof Uint8Array) && !headers['content-type']) {
        init.headers = { 'content-type': 'application/json', ...headers };
      }
    }
    const response = await fetch(baseUrl + path, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  return {
    emulator,
    baseUrl,
    call,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    close: async () => {
      await emulator.close();
      await database?.release();
    },
  };
}

/** The rid WeChat appends: hex8(seconds) "-" hex8 "-" hex8. */
export const RID = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

/** Splits "<base> rid: <rid>" and checks the rid's form. */
export function splitErrmsg(errmsg: string): { base: string; rid: string } {
  const at = errmsg.lastIndexOf(' rid: ');
  if (at < 0) throw new Error(`no rid in errmsg: ${JSON.stringify(errmsg)}`);
  return { base: errmsg.slice(0, at), rid: errmsg.slice(at + ' rid: '.length) };
}

/** Asserts-free helper: the errcode and base text of a WeChat error body. */
export function wxError(json: { errcode: number; errmsg: string }): { errcode: number; base: string } {
  return { errcode: json.errcode, base: splitErrmsg(json.errmsg).base };
}

export interface World {
  platform: { appid: string; secret: string; name: string; verify_ticket: string };
  miniProgram: { appid: string; secret: string };
  officialAccount: { appid: string; secret: string };
  mpToken: string;
  mpRefreshToken: string;
  oaToken: string;
  componentToken: string;
}

/** A platform, an MP granting `mpSets` and an OA granting [1, 3, 33], with tokens for each. */
export async function createWorld(h: Harness, mpSets: number[] = [18]): Promise<World> {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  const miniProgram = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const officialAccount = (await h.post('/_wxlocal/accounts', { type: 'official_account' })).json;
  const mp = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: platform.appid,
      authorizer_appid: miniProgram.appid,
      func_info: mpSets,
    })
  ).json;
  const oa = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: platform.appid,
      authorizer_appid: officialAccount.appid,
      func_info: [1, 3, 33],
    })
  ).json;
  const component = (
    await h.post('/cgi-bin/component/api_component_token', {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: platform.verify_ticket,
    })
  ).json;
  return {
    platform,
    miniProgram,
    officialAccount,
    mpToken: mp.authorizer_access_token,
    mpRefreshToken: mp.authorizer_refresh_token,
    oaToken: oa.authorizer_access_token,
    componentToken: component.component_access_token,
  };
}

/** The world's Official Account links its Mini Program: wxamplink, then both admins accept (status 1). */
export async function linkWorldAccounts(h: Harness, w: World): Promise<void> {
  await h.post(`/cgi-bin/wxopen/wxamplink?access_token=${w.oaToken}`, {
    appid: w.miniProgram.appid,
    notify_users: 0,
    show_profile: 0,
  });
  const pair = {
    official_account: w.officialAccount.appid,
    miniprogram: w.miniProgram.appid,
    accept: true,
  };
  await h.post('/_wxlocal/links/respond', { ...pair, admin: 'official_account' });
  await h.post('/_wxlocal/links/respond', { ...pair, admin: 'miniprogram' });
}

/** One more Mini Program (`fields` as `POST /_wxlocal/accounts` takes them) authorized to the world's platform. */
export async function anotherMiniProgram(
  h: Harness,
  w: World,
  fields: Record<string, unknown> = {},
  sets: number[] = [18],
): Promise<{ appid: string; secret: string; token: string }> {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', ...fields })).json;
  const granted = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: w.platform.appid,
      authorizer_appid: account.appid,
      func_info: sets,
    })
  ).json;
  return { appid: account.appid, secret: account.secret, token: granted.authorizer_access_token };
}

export async function advanceClock(h: Harness, seconds: number): Promise<void> {
  await h.post('/_wxlocal/clock', { advance: seconds });
}
