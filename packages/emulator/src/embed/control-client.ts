import type { Static } from '@sinclair/typebox';
import {
  type ControlBodyOf,
  type ControlName,
  type ControlResponseOf,
  controlRoutes,
  type controlSchemas,
} from '@wxlocal/api';

/** A refusal of the control plane: its HTTP status and `{"error"}` message. */
export class ControlPlaneError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly route: ControlName,
  ) {
    super(message);
    this.name = 'ControlPlaneError';
  }
}

export interface ControlClientOptions {
  /** The control plane's token, for an emulator bound to a non-loopback address. */
  adminToken?: string;
}

interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

type Answer<N extends ControlName> = Promise<ControlResponseOf<N>>;
type Body<N extends ControlName> = ControlBodyOf<N>;
export type StateDocument = Static<typeof controlSchemas.StateDocument>;
/** One event of the emulator's event stream (`control.events`). */
export type ControlEvent = ControlResponseOf<'events'>;

/** The filters of `control.requests.list`: exact appid, interface name and errcode, part of the rid. */
export interface RequestFilter {
  limit?: number;
  appid?: string;
  endpoint?: string;
  errcode?: number;
  rid?: string;
}

/** A snapshot taken by `control.snapshots.take()`: restore it before each test, drop it when done. */
export interface Snapshot {
  id: string;
  created_at: number;
  restore(): Promise<void>;
  drop(): Promise<void>;
}

/** The typed client of a running emulator's control plane (README "Control plane"); one method per route. */
export function controlClient(baseUrl: string, options: ControlClientOptions = {}) {
  const send = async (name: ControlName, { params = {}, query = {}, body, signal }: Call = {}) => {
    const route = controlRoutes[name];
    const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.adminToken) headers.authorization = `Bearer ${options.adminToken}`;
    const response = await fetch(`${baseUrl}/_wxlocal${path}${search ? `?${search}` : ''}`, {
      method: route.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ControlPlaneError(response.status, answer.error ?? response.statusText, name);
    }
    return response;
  };
  const call = async <N extends ControlName>(name: N, request: Call = {}): Answer<N> =>
    (await (await send(name, request)).json().catch(() => ({}))) as ControlResponseOf<N>;
  const snapshot = ({ id, created_at }: { id: string; created_at: number }): Snapshot => ({
    id,
    created_at,
    restore: async () => void (await call('snapshots.restore', { params: { id } })),
    drop: async () => void (await call('snapshots.drop', { params: { id } })),
  });

  return {
    health: () => call('health'),
    reset: () => call('reset'),
    platforms: {
      list: () => call('platforms.list'),
      create: (body: Body<'platforms.create'> = {}) => call('platforms.create', { body }),
      get: (appid: string) => call('platforms.get', { params: { appid } }),
      patch: (appid: string, body: Body<'platforms.patch'>) =>
        call('platforms.patch', { params: { appid }, body }),
      /** A publish (全网发布): the testing domain pools go in force. */
      publish: (appid: string) => call('platforms.patch', { params: { appid }, body: { published: true } }),
      ticket: (appid: string) => call('platforms.ticket', { params: { appid } }),
      /** The component's server- and jump-domain pools, testing and published values. */
      domains: (appid: string) => call('platforms.domains', { params: { appid } }),
      /** A pre_auth_code and the authorization page that spends it, leading back to the console. */
      preAuthCode: (appid: string) => call('platforms.preAuthCode', { params: { appid } }),
      /** The component's API call meter today and this month's quota clears (docs/quota.md §6). */
      quota: (appid: string) => call('platforms.quota', { params: { appid } }),
      /** Sets a counter's `daily_limit` (enforced from then on) or `used`, or the month's clears used. */
      setQuota: (appid: string, body: Body<'platforms.quota.patch'>) =>
        call('platforms.quota.patch', { params: { appid }, body }),
      drafts: {
        /** A developer's DevTools upload to the platform's draft box. */
        create: (appid: string, body: Body<'platforms.drafts.create'>) =>
          call('platforms.drafts.create', { params: { appid }, body }),
      },
    },
    accounts: {
      list: () => call('accounts.list'),
      create: (body: Body<'accounts.create'>) => call('accounts.create', { body }),
      get: (appid: string) => call('accounts.get', { params: { appid } }),
      patch: (appid: string, body: Body<'accounts.patch'>) =>
        call('accounts.patch', { params: { appid }, body }),
      release: (appid: string) => call('accounts.release', { params: { appid } }),
      /** WeChat's reviewer decides the pending audit; the result is pushed to the message URL. */
      audit: (appid: string, body: Body<'accounts.audit'>) =>
        call('accounts.audit', { params: { appid }, body }),
      code: (appid: string) => call('accounts.code', { params: { appid } }),
      /** The account's API call meter today and this month's quota clears (docs/quota.md §6). */
      quota: (appid: string) => call('accounts.quota', { params: { appid } }),
      /** Sets a counter's `daily_limit` (enforced from then on) or `used`, or the month's clears used. */
      setQuota: (appid: string, body: Body<'accounts.quota.patch'>) =>
        call('accounts.quota.patch', { params: { appid }, body }),
    },
    authorizations: {
      list: () => call('authorizations.list'),
      create: (body: Body<'authorizations.create'>) => call('authorizations.create', { body }),
      revoke: (componentAppid: string, authorizerAppid: string) =>
        call('authorizations.revoke', {
          params: { component_appid: componentAppid, authorizer_appid: authorizerAppid },
        }),
    },
    links: {
      list: () => call('links.list'),
      respond: (body: Body<'links.respond'>) => call('links.respond', { body }),
      console: (body: Body<'links.console'>) => call('links.console', { body }),
    },
    webviewDomains: {
      get: (appid: string) => call('webviewDomains.get', { params: { appid } }),
      set: (appid: string, body: Body<'webviewDomains.set'>) =>
        call('webviewDomains.set', { params: { appid }, body }),
    },
    serverDomains: {
      get: (appid: string) => call('serverDomains.get', { params: { appid } }),
      set: (appid: string, body: Body<'serverDomains.set'>) =>
        call('serverDomains.set', { params: { appid }, body }),
    },
    confirmFiles: {
      list: () => call('confirmFiles.list'),
      add: (body: Body<'confirmFiles.add'>) => call('confirmFiles.add', { body }),
      remove: (url: string) => call('confirmFiles.remove', { query: { url } }),
    },
    hosts: {
      list: () => call('hosts.list'),
      set: (host: string, body: Body<'hosts.set'>) => call('hosts.set', { params: { host }, body }),
    },
    qrcode: {
      blacklist: {
        list: () => call('blacklist.list'),
        add: (entry: string) => call('blacklist.add', { body: { entry } }),
        remove: (entry: string) => call('blacklist.remove', { query: { entry } }),
      },
      resolve: (url: string, viewer?: 'developer' | 'admin' | 'tester' | 'user') =>
        call('qrcode.resolve', { query: { url, viewer } }),
      /** An account's QR-code jump rules and the publishes left this month. */
      rules: (appid: string) => call('qrcode.rules', { params: { appid } }),
    },
    pushes: {
      list: ({ limit }: { limit?: number } = {}) =>
        call('pushes.list', { query: { limit: limit?.toString() } }),
    },
    requests: {
      list: ({ limit, appid, endpoint, errcode, rid }: RequestFilter = {}) =>
        call('requests.list', {
          query: { limit: limit?.toString(), appid, endpoint, errcode: errcode?.toString(), rid },
        }),
      /** The call with what it carried and the answer it got, secrets masked. */
      get: (rid: string) => call('requests.get', { params: { rid } }),
    },
    faults: {
      list: () => call('faults.list'),
      /** Arms a fault rule (README "Fault injection") and answers it as stored, with its seed. */
      inject: (body: Body<'faults.inject'>) => call('faults.inject', { body }),
      /** Removes the rules of `endpoint` (interface name or path), or all of them; answers those left. */
      clear: ({ endpoint }: { endpoint?: string } = {}) => call('faults.clear', { query: { endpoint } }),
      /** Removes one rule by its id and answers it. */
      remove: (id: string) => call('faults.remove', { params: { id } }),
    },
    clock: {
      now: async () => (await call('clock.now')).now,
      advance: async (seconds: number) => (await call('clock.move', { body: { advance: seconds } })).now,
      set: async (unixSeconds: number) => (await call('clock.move', { body: { set: unixSeconds } })).now,
    },
    /**
     * Calls `onEvent` with each event of the emulator (data-plane calls, pushes, state changes, clock moves,
     * resets) until the stream ends (the emulator closed, or dropped a reader that fell behind: open it again)
     * or `signal` aborts.
     */
    events: async (onEvent: (event: ControlEvent) => void, { signal }: { signal?: AbortSignal } = {}) => {
      try {
        const response = await send('events', { signal });
        if (response.body) await readEvents(response.body, onEvent);
      } catch (error) {
        if (!signal?.aborted) throw error;
      }
    },
    snapshots: {
      take: async () => snapshot(await call('snapshots.take')),
      list: async () => (await call('snapshots.list')).snapshots.map(snapshot),
      restore: async (id: string) => void (await call('snapshots.restore', { params: { id } })),
      drop: async (id: string) => void (await call('snapshots.drop', { params: { id } })),
    },
    state: {
      export: (): Promise<StateDocument> => call('state.export'),
      import: (document: StateDocument) => call('state.import', { body: document }),
    },
  };
}

export type ControlClient = ReturnType<typeof controlClient>;

/** Reads Server-Sent Events: blocks of `event:` and `data:` lines, each ended by a blank line. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ControlEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    text += decoder.decode(value, { stream: true });
    let end = text.indexOf('\n\n');
    while (end >= 0) {
      const event = parseEvent(text.slice(0, end));
      if (event) onEvent(event);
      text = text.slice(end + 2);
      end = text.indexOf('\n\n');
    }
  }
}

/** One block of the stream as an event; a comment (`: ping`) is none. */
function parseEvent(block: string): ControlEvent | undefined {
  const field = (name: string) =>
    block
      .split('\n')
      .find((line) => line.startsWith(`${name}: `))
      ?.slice(name.length + 2);
  const type = field('event');
  const data = field('data');
  return type && data ? ({ type, data: JSON.parse(data) } as ControlEvent) : undefined;
}
