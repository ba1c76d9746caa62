import { isValidHost } from '../web/web.js';

/** The six kinds of a Mini Program's server domains (server-domain.md §5.2). */
export const KINDS = [
  'requestdomain',
  'wsrequestdomain',
  'uploaddomain',
  'downloaddomain',
  'udpdomain',
  'tcpdomain',
] as const;
export type Kind = (typeof KINDS)[number];
export type ServerDomains = Record<Kind, string[]>;

/** The scheme every entry of a kind starts with. */
const SCHEMES: Record<Kind, string> = {
  requestdomain: 'https://',
  wsrequestdomain: 'wss://',
  uploaddomain: 'https://',
  downloaddomain: 'https://',
  udpdomain: 'udp://',
  tcpdomain: 'tcp://',
};

/** Every domain endpoint takes these actions; anything else is 40052. */
export const ACTIONS = ['add', 'delete', 'set', 'get'];

/** WeChat's own API host may not be configured. */
export const API_HOST = 'api.weixin.qq.com';

const HOST_PORT_SLASH = /^([^/:]+)(?::(\d{1,5}))?\/?$/;

export function eachKind(value: (kind: Kind) => string[]): ServerDomains {
  return Object.fromEntries(KINDS.map((kind) => [kind, value(kind)])) as ServerDomains;
}

export const noDomains = (): ServerDomains => eachKind(() => []);

/** The lower-cased host of a well-formed entry (`<scheme><host>[:<port>][/]`), or null when it is malformed. */
export function hostOfEntry(kind: Kind, entry: string): string | null {
  const scheme = SCHEMES[kind];
  if (!entry.toLowerCase().startsWith(scheme)) return null;
  const match = HOST_PORT_SLASH.exec(entry.slice(scheme.length));
  const host = match?.[1]?.toLowerCase();
  const port = match?.[2];
  if (!host || !isValidHost(host)) return null;
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) return null;
  return host;
}

/** Entries compare case-insensitively with one trailing `/` ignored, and are stored as sent without it. */
const entryKey = (entry: string) => entry.toLowerCase().replace(/\/$/, '');
export const storedEntry = (entry: string) => entry.replace(/\/$/, '');

/**
 * How WeChat reports a rejected entry: the kind's scheme, then the entry less one leading copy of that scheme
 * (an `https://` entry in wsrequestdomain comes back as `wss://https://…`).
 */
export function reportedEntry(kind: Kind, entry: string): string {
  const scheme = SCHEMES[kind];
  return scheme + (entry.toLowerCase().startsWith(scheme) ? entry.slice(scheme.length) : entry);
}

/** `list` followed by the entries of `more` it does not have yet. */
export function union(list: string[], more: string[]): string[] {
  const out = [...list];
  const keys = new Set(list.map(entryKey));
  for (const entry of more) {
    if (keys.has(entryKey(entry))) continue;
    keys.add(entryKey(entry));
    out.push(storedEntry(entry));
  }
  return out;
}

export function without(list: string[], removed: string[]): string[] {
  const keys = new Set(removed.map(entryKey));
  return list.filter((entry) => !keys.has(entryKey(entry)));
}

/** A request's kinds as sent, with duplicates removed, the first kept (§5.3). */
export const requestedDomains = (request: ServerDomains): ServerDomains =>
  eachKind((kind) => {
    const seen = new Set<string>();
    const entries: string[] = [];
    for (const entry of request[kind]) {
      if (seen.has(entryKey(entry))) continue;
      seen.add(entryKey(entry));
      entries.push(entry);
    }
    return entries;
  });

/** add appends what is new, delete removes what is there, set replaces each kind. */
export function applyChange(action: string, current: ServerDomains, entries: ServerDomains): ServerDomains {
  return eachKind((kind) => {
    if (action === 'set') return union([], entries[kind]);
    if (action === 'delete') return without(current[kind], entries[kind]);
    return union(current[kind], entries[kind]);
  });
}

export function sameDomains(a: ServerDomains, b: ServerDomains): boolean {
  return KINDS.every(
    (kind) =>
      a[kind].length === b[kind].length &&
      a[kind].every((entry, index) => entryKey(entry) === entryKey(b[kind][index] ?? '')),
  );
}

export const MAX_ENTRIES_PER_KIND = 200;

export const exceedsKindLimit = (domains: ServerDomains) =>
  KINDS.some((kind) => domains[kind].length > MAX_ENTRIES_PER_KIND);
