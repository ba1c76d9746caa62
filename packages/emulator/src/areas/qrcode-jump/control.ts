import { ControlError, type ControlHandlers } from '../../core/index.js';
import { requireAccount } from '../accounts/control.js';
import { publishesLeft } from './limits.js';
import { ruleRecord } from './rule-view.js';
import { resolveScan, type Viewer } from './scan.js';
import { addBlacklistEntry, blacklistEntries, removeBlacklistEntry, rulesOf } from './store.js';

const VIEWERS: Viewer[] = ['developer', 'admin', 'tester', 'user'];

/** WeChat's side of QR-code jump rules: an account's rules, its prefix blacklist, and what a user's scan opens. */
export const qrcodeJumpControl = {
  async 'qrcode.rules'({ tx, now, params }) {
    const { appid } = await requireAccount(tx, params.appid ?? '');
    const rules = await rulesOf(tx, appid);
    return { rules: rules.map(ruleRecord), publishes_left: await publishesLeft(tx, appid, now) };
  },
  'blacklist.list': async ({ tx }) => ({ blacklist: await blacklistEntries(tx) }),
  async 'blacklist.add'({ tx, body }) {
    await addBlacklistEntry(tx, body.entry);
    return { entry: body.entry };
  },
  async 'blacklist.remove'({ tx, query }) {
    const entry = query.entry;
    if (typeof entry !== 'string' || entry === '') throw new ControlError(400, 'entry is required');
    if (!(await removeBlacklistEntry(tx, entry))) throw new ControlError(404, `${entry} is not blacklisted`);
    return { entry, removed: true as const };
  },
  async 'qrcode.resolve'({ tx, query }) {
    const { url } = query;
    const viewer = query.viewer ?? 'user';
    if (typeof url !== 'string' || url === '') throw new ControlError(400, 'url is required');
    if (!VIEWERS.includes(viewer as Viewer))
      throw new ControlError(400, `viewer must be one of ${VIEWERS.join(', ')}`);
    return resolveScan(tx, url, viewer as Viewer);
  },
} satisfies Partial<ControlHandlers>;
