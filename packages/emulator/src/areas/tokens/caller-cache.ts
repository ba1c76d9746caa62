import type { EndpointDef } from '@wxlocal/api';
import type { Caller } from '../../core/index.js';
import type { Db } from '../../store/index.js';
import { resolveCaller } from './caller.js';

interface Entry {
  caller: Caller;
  usableUntil: number;
  version: number;
}

/** Enough for every token of a busy test run; past it the cache starts again. */
const MAX_ENTRIES = 10_000;

/**
 * The callers this emulator resolved, kept while nothing in the store changes and the token stays usable:
 * a call with a known token then reads no row. Any committed write or restore (data plane, control plane,
 * reset, snapshot, clock move) changes the store's version and drops every entry at once. `version`
 * answers undefined where another process may change the state, which turns the cache off.
 */
export class CallerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly version: () => number | undefined) {}

  /** The caller of a call; a cached one is answered at once, without a turn of promises. */
  resolve(
    db: Db,
    endpoint: EndpointDef,
    query: Record<string, string>,
    now: number,
    ip: string,
  ): Caller | Promise<Caller> {
    const version = this.version();
    if (version === undefined || endpoint.token === 'none') {
      return resolveCaller(db, endpoint, query, now, ip).then((resolved) => resolved.caller);
    }
    // The IP decides only for component calls (their allow-list); the endpoint decides kind and permission.
    const byIp = endpoint.token === 'component' || endpoint.componentTokenAccepted;
    const key = `${endpoint.name} ${query.component_access_token ?? ''} ${query.access_token ?? ''} ${byIp ? ip : ''}`;
    const entry = this.entries.get(key);
    if (entry && entry.version === version && now < entry.usableUntil) return entry.caller;
    return this.resolveAndKeep(key, version, resolveCaller(db, endpoint, query, now, ip));
  }

  private async resolveAndKeep(key: string, version: number, resolving: ReturnType<typeof resolveCaller>) {
    const { caller, usableUntil } = await resolving;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { caller: frozen(caller), usableUntil, version });
    return caller;
  }
}

/** A cached caller is shared by later calls: no handler may change its rows. */
function frozen(caller: Caller): Caller {
  if ('account' in caller) Object.freeze(caller.account);
  if ('authorization' in caller) Object.freeze(caller.authorization);
  return Object.freeze(caller);
}
