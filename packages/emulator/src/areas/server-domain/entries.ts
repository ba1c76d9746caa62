import { controlSchemas } from '@wxlocal/api';
import { entryKey, isValidHost, unionEntries, withoutEntries } from '../web/domain-entries.js';

/** The six kinds of a Mini Program's server domains (docs/server-domain.md §5.2). */
export const KINDS = controlSchemas.serverDomainKinds;
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

/** WeChat's own API host may not be configured. */
export const API_HOST = 'api.weixin.qq.com';

const HOST_PORT_SLASH = /^([^/:]+)(?::(\d{1,5}))?\/?$/;

export function eachKind(value: (kind: Kind) => string[]): ServerDomains {
  return Object.fromEntries(KINDS.map((kind) => [kind, value(kind)])) as ServerDomains;
}

export const noDomains = (): ServerDomains => eachKind(() => []);

/**
 * A server-domain entry is `<scheme of its kind><host>[:<port>][/]`, stored without the `/`: its lower-cased
 * host, or null when it is malformed.
 */
export function serverDomainHost(kind: Kind, entry: string): string | null {
  const scheme = SCHEMES[kind];
  if (!entry.toLowerCase().startsWith(scheme)) return null;
  const match = HOST_PORT_SLASH.exec(entry.slice(scheme.length));
  const host = match?.[1]?.toLowerCase();
  const port = match?.[2];
  if (!host || !isValidHost(host)) return null;
  if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535)) return null;
  return host;
}

const storedEntry = (entry: string) => entry.replace(/\/$/, '');

/**
 * How WeChat reports a rejected entry: the kind's scheme, then the entry less one leading copy of that scheme
 * (an `https://` entry in wsrequestdomain comes back as `wss://https://…`).
 */
export function reportedEntry(kind: Kind, entry: string): string {
  const scheme = SCHEMES[kind];
  return scheme + (entry.toLowerCase().startsWith(scheme) ? entry.slice(scheme.length) : entry);
}

/** A request's kinds as sent, with duplicates removed, the first kept (docs/server-domain.md §5.3). */
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
    if (action === 'set') return unionEntries([], entries[kind], storedEntry);
    if (action === 'delete') return withoutEntries(current[kind], entries[kind]);
    return unionEntries(current[kind], entries[kind], storedEntry);
  });
}

/** The same entries of each kind, in the same order. */
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

/** `list` followed by the entries of `more` it does not have yet, stored without a trailing `/`. */
export const withServerEntries = (list: string[], more: string[]) => unionEntries(list, more, storedEntry);
