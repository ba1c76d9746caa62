import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the console is served; its files hold nothing, so they need no admin token (control/access.ts). */
export const CONSOLE_PATH = '/_wxlocal/ui/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** The paths a browser is sent on to the console from; any other client gets what it always got there. */
const ENTRY_PATHS = new Set(['/', '/_wxlocal', '/_wxlocal/']);

/**
 * The web console (README "Web console"): its built files from `dir`, any other path under it the index
 * (the console routes with `#/…` hashes). Registered before the control plane's access checks, so that a
 * browser opening the base URL lands on the console even where the control plane needs a token.
 */
export function registerConsole(app: FastifyInstance, dir: URL): void {
  const root = fileURLToPath(dir);
  app.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? '';
    const browser = request.headers.accept?.includes('text/html') ?? false;
    if (request.method === 'GET' && browser && ENTRY_PATHS.has(path)) reply.redirect(CONSOLE_PATH, 302);
    else done();
  });
  app.get(CONSOLE_PATH.slice(0, -1), (_request, reply) => reply.redirect(CONSOLE_PATH, 302));
  app.get(`${CONSOLE_PATH}*`, async (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    const file = resolve(root, wanted);
    const type = CONTENT_TYPES[extname(file)];
    if (type && file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes) return send(reply, type, bytes);
    }
    const index = await readFile(resolve(root, 'index.html')).catch(() => undefined);
    if (!index) return reply.code(404).send({ error: 'the console is not built: run npm run build' });
    return send(reply, CONTENT_TYPES['.html'] ?? '', index);
  });
}

function send(reply: FastifyReply, type: string, bytes: Buffer): FastifyReply {
  return reply.header('content-type', type).header('cache-control', 'no-cache').send(bytes);
}
