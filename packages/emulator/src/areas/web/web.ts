import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/index.js';

/**
 * The web as WeChat sees it when it verifies a domain: which file is served at which URL, and which hosts
 * have an ICP filing. By default the web is a registry on the control plane; with `verifyHttp` wxlocal
 * really fetches the URL, through `hostMap` when a local server stands in for a host.
 */
export interface WebOptions {
  verifyHttp?: boolean;
  /** host → base URL that serves it instead, e.g. `www.example.com` → `http://127.0.0.1:9000`. */
  hostMap?: Record<string, string>;
}

const FETCH_TIMEOUT_MS = 5000;

export class Web {
  constructor(private readonly options: WebOptions = {}) {}

  /** Whether `url` answers exactly `content`: WeChat compares the raw body, so any extra character fails. */
  async serves(db: Db, url: string, content: string): Promise<boolean> {
    if (this.options.verifyHttp) return this.fetchServes(url, content);
    const row = await db
      .selectFrom('served_files')
      .select('content')
      .where('url', '=', url)
      .executeTakeFirst();
    return row?.content === content;
  }

  async icpFiled(db: Db, host: string): Promise<boolean> {
    const row = await db.selectFrom('hosts').select('icp_filed').where('host', '=', host).executeTakeFirst();
    return row ? row.icp_filed === 1 : true;
  }

  private async fetchServes(url: string, content: string): Promise<boolean> {
    try {
      const response = await fetch(this.mapped(url), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      return response.status === 200 && (await response.text()) === content;
    } catch {
      return false;
    }
  }

  private mapped(url: string): string {
    const parsed = new URL(url);
    const base = this.options.hostMap?.[parsed.hostname];
    return base ? `${base.replace(/\/$/, '')}${parsed.pathname}${parsed.search}` : url;
  }
}

/** Canonical form of a registry URL: scheme and host lower-case, as a fetch would address them. */
export function canonicalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

export interface ConfirmFile {
  file_name: string;
  file_content: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The confirm file WeChat hands an account (an MP or a component): stable per owner, shaped like real ones,
 * e.g. `87PweoaRBw.txt` with 32 lowercase hex characters.
 */
export async function confirmFileOf(db: Db, owner: string): Promise<ConfirmFile> {
  const existing = await db
    .selectFrom('confirm_files')
    .select(['file_name', 'file_content'])
    .where('owner', '=', owner)
    .executeTakeFirst();
  if (existing) return existing;
  const name = [...randomBytes(10)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
  const file = { file_name: `${name}.txt`, file_content: randomBytes(16).toString('hex') };
  await db
    .insertInto('confirm_files')
    .values({ owner, ...file })
    .execute();
  return file;
}

/** Whether `owner`'s confirm file is served at the root of `host` (over https, as WeChat fetches it). */
export async function confirmFileAtRoot(web: Web, db: Db, owner: string, host: string): Promise<boolean> {
  const file = await confirmFileOf(db, owner);
  return web.serves(db, `https://${host}/${file.file_name}`, file.file_content);
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name WeChat accepts: letters, digits, `-` and `.`, at least two labels, not an IP address. */
export function isValidHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (host.length > 253 || labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}
