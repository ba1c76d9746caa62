import { Type } from '@sinclair/typebox';
import { ControlError, type ControlRoute, closed, controlRoute } from '../../core/index.js';
import { listHosts, listServedFiles, serveFile, setIcpFiling, unserveFile } from './store.js';

const ServedFileBody = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2048 }), content: Type.String({ maxLength: 65536 }) },
  closed,
);

const HostBody = Type.Object({ icp_filed: Type.Boolean() }, closed);

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
export const webControl: ControlRoute[] = [
  controlRoute({
    method: 'GET',
    path: '/confirm-files',
    handle: async ({ tx }) => ({ confirm_files: await listServedFiles(tx) }),
  }),
  controlRoute({
    method: 'POST',
    path: '/confirm-files',
    body: ServedFileBody,
    status: 201,
    async handle({ tx, body }) {
      const url = canonicalUrl(body.url);
      if (!url) throw new ControlError(400, 'invalid body: url must be an http or https URL');
      await serveFile(tx, url, body.content);
      return { url, content: body.content };
    },
  }),
  controlRoute({
    method: 'DELETE',
    path: '/confirm-files',
    async handle({ tx, query }) {
      const url = typeof query.url === 'string' ? canonicalUrl(query.url) : null;
      if (!url) throw new ControlError(400, 'url must be an http or https URL');
      if (!(await unserveFile(tx, url))) throw new ControlError(404, `nothing is served at ${url}`);
      return { url, removed: true };
    },
  }),
  controlRoute({
    method: 'GET',
    path: '/hosts',
    handle: async ({ tx }) => ({ hosts: (await listHosts(tx)).map(hostView) }),
  }),
  controlRoute({
    method: 'PATCH',
    path: '/hosts/:host',
    body: HostBody,
    async handle({ tx, params, body }) {
      const host = (params.host ?? '').toLowerCase();
      await setIcpFiling(tx, host, body.icp_filed);
      return { host, icp_filed: body.icp_filed };
    },
  }),
];
