import type { Db } from '../../store/index.js';
import { isValidHost } from '../web/web.js';

/** The four business-domain lists of a Mini Program (webview-domain.md §2). */
export interface WebviewDomains {
  mp: string[];
  third: string[];
  direct: string[];
  effective: string[];
}

export async function webviewDomainsOf(db: Db, appid: string): Promise<WebviewDomains> {
  const row = await db
    .selectFrom('webview_domains')
    .selectAll()
    .where('appid', '=', appid)
    .executeTakeFirst();
  if (!row) return { mp: [], third: [], direct: [], effective: [] };
  return {
    mp: JSON.parse(row.mp),
    third: JSON.parse(row.third),
    direct: JSON.parse(row.direct),
    effective: JSON.parse(row.effective),
  };
}

export async function saveWebviewDomains(db: Db, appid: string, lists: WebviewDomains): Promise<void> {
  const row = {
    appid,
    mp: JSON.stringify(lists.mp),
    third: JSON.stringify(lists.third),
    direct: JSON.stringify(lists.direct),
    effective: JSON.stringify(lists.effective),
  };
  await db
    .insertInto('webview_domains')
    .values(row)
    .onConflict((oc) => oc.column('appid').doUpdateSet(row))
    .execute();
}

/** The host of an `https://host` entry (one trailing `/` allowed), or null when the entry is malformed. */
export function hostOfEntry(entry: string): string | null {
  const match = /^https:\/\/([^/]+)\/?$/i.exec(entry);
  const host = match?.[1];
  return host && isValidHost(host) ? host.toLowerCase() : null;
}

/** Entries compare case-insensitively, one trailing `/` ignored; they are stored as sent. */
export const entryKey = (entry: string) => entry.toLowerCase().replace(/\/$/, '');

export function includesEntry(list: string[], entry: string): boolean {
  const key = entryKey(entry);
  return list.some((existing) => entryKey(existing) === key);
}

/** `list` followed by the entries of `more` it does not have yet. */
export function union(list: string[], more: string[]): string[] {
  const out = [...list];
  for (const entry of more) if (!includesEntry(out, entry)) out.push(entry);
  return out;
}

export function without(list: string[], removed: string[]): string[] {
  return list.filter((entry) => !includesEntry(removed, entry));
}

export function sameEntries(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((entry) => includesEntry(b, entry));
}
