import type { FastifyInstance } from 'fastify';
import { canonicalUrl } from '../areas/web/web.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './control-error.js';
import { HostBody, parseBody, readJson, ServedFileBody } from './schemas.js';

/**
 * The web WeChat fetches when it verifies a domain: files served at URLs (confirm files) and hosts' ICP
 * filings. With `--verify-http` the served files come from real HTTP servers instead of this registry.
 */
export function registerWebControl(cp: FastifyInstance, { store }: Runtime): void {
  cp.get('/confirm-files', async () => ({
    confirm_files: await store.db.selectFrom('served_files').selectAll().orderBy('url').execute(),
  }));

  cp.post('/confirm-files', async (request, reply) => {
    const body = parseBody(ServedFileBody, readJson(request));
    const url = canonicalUrl(body.url);
    if (!url) throw new ControlError(400, 'invalid body: url must be an http or https URL');
    await store.db
      .insertInto('served_files')
      .values({ url, content: body.content })
      .onConflict((oc) => oc.column('url').doUpdateSet({ content: body.content }))
      .execute();
    return reply.code(201).send({ url, content: body.content });
  });

  cp.delete('/confirm-files', async (request) => {
    const raw = (request.query as Record<string, unknown>).url;
    const url = typeof raw === 'string' ? canonicalUrl(raw) : null;
    if (!url) throw new ControlError(400, 'url must be an http or https URL');
    const result = await store.db.deleteFrom('served_files').where('url', '=', url).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new ControlError(404, `nothing is served at ${url}`);
    return { url, removed: true };
  });

  cp.get('/hosts', async () => ({
    hosts: (await store.db.selectFrom('hosts').selectAll().orderBy('host').execute()).map(hostView),
  }));

  cp.patch('/hosts/:host', async (request) => {
    const host = (request.params as { host: string }).host.toLowerCase();
    const body = parseBody(HostBody, readJson(request));
    const row = { host, icp_filed: Number(body.icp_filed) };
    await store.db
      .insertInto('hosts')
      .values(row)
      .onConflict((oc) => oc.column('host').doUpdateSet({ icp_filed: row.icp_filed }))
      .execute();
    return hostView(row);
  });
}

const hostView = (row: { host: string; icp_filed: number }) => ({
  host: row.host,
  icp_filed: row.icp_filed === 1,
});
