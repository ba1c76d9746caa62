import type { ControlBodyOf } from '@wxlocal/api';
import { ControlError, type ControlHandlers } from '../../core/index.js';
import type { AccountRow, Db } from '../../store/index.js';
import { requireAccount } from '../accounts/control.js';
import { LIVE_STATUSES, LinkStatus } from './status.js';
import { findLink, type LinkRow, listLinks, removeLink, saveLink } from './store.js';
import { linkView } from './views.js';

/**
 * The two human admins of a link (docs/link-miniprogram.md §2.3): they answer invitations and unlink
 * requests, and the OA admin can start a link on the WeChat admin console.
 */
export const linkControl = {
  'links.list': async ({ tx }) => ({ links: (await listLinks(tx)).map(linkView) }),
  'links.respond': ({ tx, now, body }) => respond(tx, body, now),
  'links.console': ({ tx, now, body }) => startFromConsole(tx, body, now),
} satisfies Partial<ControlHandlers>;

/** The admin's answer moves the link along its status machine (12 → 2 → 1 or 3; an unlink request). */
async function respond(db: Db, body: ControlBodyOf<'links.respond'>, now: number) {
  const link = await findLink(db, body.official_account, body.miniprogram);
  if (!link) throw new ControlError(404, `no link between ${body.official_account} and ${body.miniprogram}`);
  const expect = (admin: 'official_account' | 'miniprogram', what: string) => {
    if (body.admin !== admin)
      throw new ControlError(409, `${what} awaits the ${admin.replace('_', ' ')} admin`);
  };
  if (link.unlink_pending === 1) {
    expect('official_account', 'the unlink request');
    if (body.accept) return removed(db, link);
    return linkView(await saveLink(db, { ...link, unlink_pending: 0, updated_at: now }));
  }
  if (link.status === LinkStatus.waitingForOfficialAccountAdmin) {
    expect('official_account', 'the invitation');
    if (!body.accept) return removed(db, link);
    return linkView(
      await saveLink(db, { ...link, status: LinkStatus.waitingForMiniProgramAdmin, updated_at: now }),
    );
  }
  if (link.status === LinkStatus.waitingForMiniProgramAdmin) {
    expect('miniprogram', 'the invitation');
    const status = body.accept ? LinkStatus.linked : LinkStatus.refused;
    return linkView(await saveLink(db, { ...link, status, updated_at: now }));
  }
  throw new ControlError(409, `nothing awaits an answer: the link is in status ${link.status}`);
}

/** An OA admin refusal or a confirmed unlink leaves no record (docs/link-miniprogram.md §2.3). */
async function removed(db: Db, link: Pick<LinkRow, 'official_account' | 'miniprogram'>) {
  await removeLink(db, link);
  return {
    official_account: link.official_account,
    miniprogram: link.miniprogram,
    status: null,
    removed: true as const,
  };
}

async function startFromConsole(db: Db, body: ControlBodyOf<'links.console'>, now: number) {
  const officialAccount = await accountOfType(db, body.official_account, 'official_account');
  const miniProgram = await accountOfType(db, body.miniprogram, 'miniprogram');
  const existing = await findLink(db, officialAccount.appid, miniProgram.appid);
  if (existing && LIVE_STATUSES.includes(existing.status)) {
    throw new ControlError(409, `a link between these accounts is already in status ${existing.status}`);
  }
  const link = await saveLink(db, {
    official_account: officialAccount.appid,
    miniprogram: miniProgram.appid,
    status: LinkStatus.waitingForMiniProgramAdmin,
    origin: 'console',
    notify_users: 0,
    show_profile: body.show_profile ? 1 : 0,
    unlink_pending: 0,
    created_at: now,
    updated_at: now,
  });
  return linkView(link);
}

async function accountOfType(db: Db, appid: string, type: AccountRow['type']): Promise<AccountRow> {
  const account = await requireAccount(db, appid);
  const kind = type === 'official_account' ? 'an Official Account' : 'a Mini Program';
  if (account.type !== type) throw new ControlError(400, `${appid} is not ${kind}`);
  return account;
}
