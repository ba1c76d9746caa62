import type { Db } from '../../store/index.js';

/** The four business-domain lists of a Mini Program (docs/webview-domain.md §2). */
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

/** Every Mini Program's direct and in-force lists: who binds a domain already (docs/webview-domain.md §3). */
export function boundWebviewDomains(db: Db) {
  return db.selectFrom('webview_domains').select(['appid', 'direct', 'effective']).execute();
}
