import type { FastifyInstance } from 'fastify';
import { findAccount } from '../areas/accounts/accounts.js';
import { hostOfEntry, saveWebviewDomains, webviewDomainsOf } from '../areas/webview-domain/lists.js';
import type { Runtime } from '../runtime.js';
import type { Db } from '../store/index.js';
import { ControlError } from './control-error.js';
import { MpWebviewDomainBody, parseBody, readJson } from './schemas.js';

/**
 * The Mini Program admin's own business domains (the `mp` list), set on the WeChat admin console; the
 * console is closed once set 18 is granted, so this stands for what the MP had configured before.
 */
export function registerWebviewDomainControl(cp: FastifyInstance, { store }: Runtime): void {
  cp.get('/accounts/:appid/webviewdomain', async (request) =>
    store.transaction(async (tx) => view(tx, await miniProgramAppid(tx, request.params))),
  );

  cp.put('/accounts/:appid/webviewdomain', async (request) => {
    const body = parseBody(MpWebviewDomainBody, readJson(request));
    const bad = body.mp_webviewdomain.find((entry) => hostOfEntry(entry) === null);
    if (bad !== undefined) throw new ControlError(400, `invalid body: ${bad} is not an https://host entry`);
    return store.transaction(async (tx) => {
      const appid = await miniProgramAppid(tx, request.params);
      const lists = await webviewDomainsOf(tx, appid);
      await saveWebviewDomains(tx, appid, { ...lists, mp: body.mp_webviewdomain });
      return view(tx, appid);
    });
  });
}

async function miniProgramAppid(db: Db, params: unknown): Promise<string> {
  const appid = (params as { appid: string }).appid;
  const account = await findAccount(db, appid);
  if (!account) throw new ControlError(404, `account ${appid} not found`);
  if (account.type !== 'miniprogram') throw new ControlError(400, `${appid} is not a Mini Program`);
  return appid;
}

async function view(db: Db, appid: string) {
  const lists = await webviewDomainsOf(db, appid);
  return {
    mp_webviewdomain: lists.mp,
    third_webviewdomain: lists.third,
    direct_webviewdomain: lists.direct,
    effective_webviewdomain: lists.effective,
  };
}
