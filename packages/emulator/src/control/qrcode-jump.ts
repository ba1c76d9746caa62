import type { FastifyInstance } from 'fastify';
import { resolveScan, type Viewer } from '../areas/qrcode-jump/scan.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './control-error.js';
import { BlacklistBody, parseBody, readJson } from './schemas.js';

const VIEWERS: Viewer[] = ['developer', 'admin', 'tester', 'user'];

/** WeChat's side of QR-code jump rules: its prefix blacklist, and what a user's scan opens. */
export function registerQrcodeJumpControl(cp: FastifyInstance, { store }: Runtime): void {
  cp.get('/qrcode/blacklist', async () => ({
    blacklist: (await store.db.selectFrom('qrcode_blacklist').select('entry').orderBy('entry').execute()).map(
      (row) => row.entry,
    ),
  }));

  cp.post('/qrcode/blacklist', async (request, reply) => {
    const { entry } = parseBody(BlacklistBody, readJson(request));
    await store.db
      .insertInto('qrcode_blacklist')
      .values({ entry })
      .onConflict((oc) => oc.column('entry').doNothing())
      .execute();
    return reply.code(201).send({ entry });
  });

  cp.delete('/qrcode/blacklist', async (request) => {
    const entry = (request.query as Record<string, unknown>).entry;
    if (typeof entry !== 'string' || entry === '') throw new ControlError(400, 'entry is required');
    const result = await store.db
      .deleteFrom('qrcode_blacklist')
      .where('entry', '=', entry)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new ControlError(404, `${entry} is not blacklisted`);
    return { entry, removed: true };
  });

  cp.get('/qrcode/resolve', async (request) => {
    const query = request.query as Record<string, unknown>;
    const url = query.url;
    const viewer = query.viewer ?? 'user';
    if (typeof url !== 'string' || url === '') throw new ControlError(400, 'url is required');
    if (!VIEWERS.includes(viewer as Viewer))
      throw new ControlError(400, `viewer must be one of ${VIEWERS.join(', ')}`);
    return resolveScan(store.db, url, viewer as Viewer);
  });
}
