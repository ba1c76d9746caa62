import { hasEntry, isValidHost } from '../web/domain-entries.js';

/**
 * A business-domain entry is `https://host` with one trailing `/` allowed (docs/webview-domain.md §3); it is
 * stored as sent.
 */
export function businessDomainHost(entry: string): string | null {
  const match = /^https:\/\/([^/]+)\/?$/i.exec(entry);
  const host = match?.[1];
  return host && isValidHost(host) ? host.toLowerCase() : null;
}

/** The same entries, in any order. */
export function sameEntrySet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((entry) => hasEntry(b, entry));
}
