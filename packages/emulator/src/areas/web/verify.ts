import { createHash } from 'node:crypto';
import type { LiveWeb } from '../../core/index.js';
import type { Db } from '../../store/index.js';
import { type ConfirmFile, findConfirmFile, icpFiling, insertConfirmFile, servedContent } from './store.js';

/**
 * The web as WeChat sees it when it verifies a domain (docs/web.md): which file is served at which URL, and
 * which hosts have an ICP filing. The registry answers unless the web is read for real (`liveWeb`).
 */

/** Whether `url` answers exactly `content`: WeChat compares the raw body, so any extra character fails. */
export async function serves(
  db: Db,
  liveWeb: LiveWeb | undefined,
  url: string,
  content: string,
): Promise<boolean> {
  if (liveWeb) return liveWeb.serves(url, content);
  return (await servedContent(db, url)) === content;
}

/** Every host is filed unless the control plane says otherwise. */
export async function icpFiled(db: Db, host: string): Promise<boolean> {
  return (await icpFiling(db, host)) ?? true;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The confirm file WeChat hands an account (an MP or a component): stable per owner, shaped like real ones,
 * e.g. `87PweoaRBw.txt` with 32 lowercase hex characters. It is derived from the owner, so that a call run
 * again after reading the web (docs/web.md §3) asks for the same file.
 */
export async function confirmFileOf(db: Db, owner: string): Promise<ConfirmFile> {
  const existing = await findConfirmFile(db, owner);
  if (existing) return existing;
  const digest = createHash('sha256').update(`wxlocal confirm file\n${owner}`).digest();
  const name = [...digest.subarray(0, 10)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
  const file = { file_name: `${name}.txt`, file_content: digest.subarray(16, 32).toString('hex') };
  await insertConfirmFile(db, owner, file);
  return file;
}

/** Whether `owner`'s confirm file is served at the root of `host` (over https, as WeChat fetches it). */
export async function confirmFileAtRoot(
  db: Db,
  liveWeb: LiveWeb | undefined,
  owner: string,
  host: string,
): Promise<boolean> {
  const file = await confirmFileOf(db, owner);
  return serves(db, liveWeb, `https://${host}/${file.file_name}`, file.file_content);
}
