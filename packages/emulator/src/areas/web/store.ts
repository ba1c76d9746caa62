import type { Db } from '../../store/index.js';
import { preparedQuery } from '../../store/prepared.js';

/** The web's registry: files served at URLs, hosts' ICP filings, and each owner's confirm file. */

const servedFile = preparedQuery((db, url: string) =>
  db.selectFrom('served_files').select('content').where('url', '=', url),
);

export async function servedContent(db: Db, url: string): Promise<string | undefined> {
  return (await servedFile(db, url))?.content;
}

export function listServedFiles(db: Db) {
  return db.selectFrom('served_files').selectAll().orderBy('url').execute();
}

export async function serveFile(db: Db, url: string, content: string): Promise<void> {
  await db
    .insertInto('served_files')
    .values({ url, content })
    .onConflict((oc) => oc.column('url').doUpdateSet({ content }))
    .execute();
}

/** Whether anything was served there. */
export async function unserveFile(db: Db, url: string): Promise<boolean> {
  const result = await db.deleteFrom('served_files').where('url', '=', url).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A host's ICP filing as set on the control plane; undefined when never set. */
const hostRow = preparedQuery((db, host: string) =>
  db.selectFrom('hosts').select('icp_filed').where('host', '=', host),
);

export async function icpFiling(db: Db, host: string): Promise<boolean | undefined> {
  const row = await hostRow(db, host);
  return row ? row.icp_filed === 1 : undefined;
}

export function listHosts(db: Db) {
  return db.selectFrom('hosts').selectAll().orderBy('host').execute();
}

export async function setIcpFiling(db: Db, host: string, filed: boolean): Promise<void> {
  const icp_filed = Number(filed);
  await db
    .insertInto('hosts')
    .values({ host, icp_filed })
    .onConflict((oc) => oc.column('host').doUpdateSet({ icp_filed }))
    .execute();
}

export interface ConfirmFile {
  file_name: string;
  file_content: string;
}

export const findConfirmFile = preparedQuery((db, owner: string) =>
  db.selectFrom('confirm_files').select(['file_name', 'file_content']).where('owner', '=', owner),
);

export async function insertConfirmFile(db: Db, owner: string, file: ConfirmFile): Promise<void> {
  await db
    .insertInto('confirm_files')
    .values({ owner, ...file })
    .execute();
}
