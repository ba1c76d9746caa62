import type { Db } from '../../store/index.js';

/**
 * The four business-domain lists of a Mini Program (docs/webview-domain.md §2); `effective` is null until the
 * first release, when the `mp` list is in force.
 */
export interface WebviewDomains {
  mp: string[];
  third: string[];
  direct: string[];
  effective: string[] | null;
}

/** The list in force: the last release's, or the `mp` list before the first one. */
export const webviewDomainsInForce = (lists: Pick<WebviewDomains, 'mp' | 'effective'>) =>
  lists.effective ?? lists.mp;

export async function webviewDomainsOf(db: Db, appid: string): Promise<WebviewDomains> {
  const row = await db
    .selectFrom('webview_domains')
    .selectAll()
    .where('appid', '=', appid)
    .executeTakeFirst();
  if (!row) return { mp: [], third: [], direct: [], effective: null };
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

/** Every Mini Program's direct and in-force lists: who binds a domain already (docs/webview-domain.md §3). */
export async function boundWebviewDomains(db: Db): Promise<{ appid: string; domains: string[] }[]> {
  const rows = await db
    .selectFrom('webview_domains')
    .select(['appid', 'mp', 'direct', 'effective'])
    .execute();
  return rows.map((row) => ({
    appid: row.appid,
    domains: [
      ...(JSON.parse(row.direct) as string[]),
      ...webviewDomainsInForce({ mp: JSON.parse(row.mp), effective: JSON.parse(row.effective) }),
    ],
  }));
}
