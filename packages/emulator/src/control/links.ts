import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { type AccountRow, findAccount } from '../areas/accounts/accounts.js';
import {
  findLink,
  LIVE_STATUSES,
  LinkStatus,
  linkView,
  listLinks,
  removeLink,
  saveLink,
} from '../areas/link/links.js';
import type { Runtime } from '../runtime.js';
import type { Db } from '../store/index.js';
import { ControlError } from './control-error.js';
import { ConsoleLinkBody, LinkResponseBody, parseBody, readJson } from './schemas.js';

/**
 * The two human admins of a link (link-miniprogram.md §2.3): they answer invitations and unlink requests, and
 * the OA admin can start a link on the WeChat admin console.
 */
export function registerLinkControl(cp: FastifyInstance, { store, clock }: Runtime): void {
  cp.get('/links', async () => ({ links: (await store.transaction((tx) => listLinks(tx))).map(linkView) }));

  cp.post('/links/respond', async (request) => {
    const body = parseBody(LinkResponseBody, readJson(request));
    return store.transaction((tx) => respond(tx, body, clock.now()));
  });

  cp.post('/links/console', async (request, reply) => {
    const body = parseBody(ConsoleLinkBody, readJson(request));
    const link = await store.transaction((tx) => startFromConsole(tx, body, clock.now()));
    return reply.code(201).send(link);
  });
}

async function respond(db: Db, body: Static<typeof LinkResponseBody>, now: number) {
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

/** An OA admin refusal or a confirmed unlink leaves no record (§2.3). */
async function removed(db: Db, link: { official_account: string; miniprogram: string }) {
  await removeLink(db, link);
  return {
    official_account: link.official_account,
    miniprogram: link.miniprogram,
    status: null,
    removed: true,
  };
}

async function startFromConsole(db: Db, body: Static<typeof ConsoleLinkBody>, now: number) {
  const officialAccount = await accountOfType(db, body.official_account, 'official_account');
  const miniProgram = await accountOfType(db, body.miniprogram, 'miniprogram');
  const existing = await findLink(db, officialAccount.appid, miniProgram.appid);
  if (existing && (LIVE_STATUSES as number[]).includes(existing.status)) {
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
  const account = await findAccount(db, appid);
  if (!account) throw new ControlError(404, `account ${appid} not found`);
  if (account.type !== type) throw new ControlError(400, `${appid} is not a ${type.replace('_', ' ')}`);
  return account;
}
