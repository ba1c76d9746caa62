import { Type } from '@sinclair/typebox';
import { ControlError, type ControlRoute, closed, controlRoute } from '../../core/index.js';
import { resolveScan, type Viewer } from './scan.js';
import { addBlacklistEntry, blacklistEntries, removeBlacklistEntry } from './store.js';

const BlacklistBody = Type.Object({ entry: Type.String({ minLength: 1, maxLength: 2048 }) }, closed);

const VIEWERS: Viewer[] = ['developer', 'admin', 'tester', 'user'];

/** WeChat's side of QR-code jump rules: its prefix blacklist, and what a user's scan opens. */
export const qrcodeJumpControl: ControlRoute[] = [
  controlRoute({
    method: 'GET',
    path: '/qrcode/blacklist',
    handle: async ({ tx }) => ({ blacklist: await blacklistEntries(tx) }),
  }),
  controlRoute({
    method: 'POST',
    path: '/qrcode/blacklist',
    body: BlacklistBody,
    status: 201,
    async handle({ tx, body }) {
      await addBlacklistEntry(tx, body.entry);
      return { entry: body.entry };
    },
  }),
  controlRoute({
    method: 'DELETE',
    path: '/qrcode/blacklist',
    async handle({ tx, query }) {
      const entry = query.entry;
      if (typeof entry !== 'string' || entry === '') throw new ControlError(400, 'entry is required');
      if (!(await removeBlacklistEntry(tx, entry)))
        throw new ControlError(404, `${entry} is not blacklisted`);
      return { entry, removed: true };
    },
  }),
  controlRoute({
    method: 'GET',
    path: '/qrcode/resolve',
    async handle({ tx, query }) {
      const url = query.url;
      const viewer = query.viewer ?? 'user';
      if (typeof url !== 'string' || url === '') throw new ControlError(400, 'url is required');
      if (!VIEWERS.includes(viewer as Viewer))
        throw new ControlError(400, `viewer must be one of ${VIEWERS.join(', ')}`);
      return resolveScan(tx, url, viewer as Viewer);
    },
  }),
];
