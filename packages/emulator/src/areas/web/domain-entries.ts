/**
 * What business domains and server domains have in common: host names, how entries compare, and the actions
 * that change a list. How an entry is written differs (docs/webview-domain.md §3, docs/server-domain.md §5.2)
 * and stays with each area.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name WeChat accepts: letters, digits, `-` and `.`, at least two labels, not an IP address. */
export function isValidHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (host.length > 253 || labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/** Every domain endpoint takes these actions; anything else is 40052. */
export const DOMAIN_ACTIONS = ['add', 'delete', 'set', 'get'];

/** Entries compare case-insensitively, one trailing `/` ignored. */
export const entryKey = (entry: string) => entry.toLowerCase().replace(/\/$/, '');

export function hasEntry(list: string[], entry: string): boolean {
  const key = entryKey(entry);
  return list.some((existing) => entryKey(existing) === key);
}

/** `list` followed by the entries of `more` it does not have yet, each as `written` writes it. */
export function unionEntries(list: string[], more: string[], written = (entry: string) => entry): string[] {
  const out = [...list];
  const keys = new Set(list.map(entryKey));
  for (const entry of more) {
    if (keys.has(entryKey(entry))) continue;
    keys.add(entryKey(entry));
    out.push(written(entry));
  }
  return out;
}

export function withoutEntries(list: string[], removed: string[]): string[] {
  const keys = new Set(removed.map(entryKey));
  return list.filter((entry) => !keys.has(entryKey(entry)));
}
