import { ControlError, type ControlHandlers } from '../../core/index.js';
import { listHosts, listServedFiles, serveFile, setIcpFiling, unserveFile } from './store.js';

/** Canonical form of a registry URL: scheme and host lower-case, as a fetch would address them. */
function canonicalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.href;
  } catch {
    return null;
  }
}

const hostView = (row: { host: string; icp_filed: number }) => ({
  host: row.host,
  icp_filed: row.icp_filed === 1,
});

/**
 * The web WeChat fetches when it verifies a domain (docs/web.md): files served at URLs (confirm files) and
 * hosts' ICP filings. With `--verify-http` the served files come from real HTTP servers instead.
 */
export const webControl = {
  'confirmFiles.list': async ({ tx }) => ({ confirm_files: await listServedFiles(tx) }),
  async 'confirmFiles.add'({ tx, body }) {
    const url = canonicalUrl(body.url);
    if (!url) throw new ControlError(400, 'invalid body: url must be an http or https URL');
    await serveFile(tx, url, body.content);
    return { url, content: body.content };
  },
  async 'confirmFiles.remove'({ tx, query }) {
    const url = typeof query.url === 'string' ? canonicalUrl(query.url) : null;
    if (!url) throw new ControlError(400, 'url must be an http or https URL');
    if (!(await unserveFile(tx, url))) throw new ControlError(404, `nothing is served at ${url}`);
    return { url, removed: true as const };
  },
  'hosts.list': async ({ tx }) => ({ hosts: (await listHosts(tx)).map(hostView) }),
  async 'hosts.set'({ tx, params, body }) {
    const host = (params.host ?? '').toLowerCase();
    await setIcpFiling(tx, host, body.icp_filed);
    return { host, icp_filed: body.icp_filed };
  },
} satisfies Partial<ControlHandlers>;
