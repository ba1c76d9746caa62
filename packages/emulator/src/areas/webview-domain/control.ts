import { ControlError, type ControlHandlers } from '../../core/index.js';
import type { Db } from '../../store/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { businessDomainHost } from './entries.js';
import { saveWebviewDomains, webviewDomainsInForce, webviewDomainsOf } from './store.js';

/** The four lists, as get_effective_webviewdomain names them. */
async function view(db: Db, appid: string) {
  const lists = await webviewDomainsOf(db, appid);
  return {
    mp_webviewdomain: lists.mp,
    third_webviewdomain: lists.third,
    direct_webviewdomain: lists.direct,
    effective_webviewdomain: webviewDomainsInForce(lists),
  };
}

/**
 * The Mini Program admin's own business domains (the `mp` list), set on the WeChat admin console; the
 * console is closed once set 18 is granted, so this stands for what the MP had configured before.
 */
export const webviewDomainControl = {
  'webviewDomains.get': async ({ tx, params }) =>
    view(tx, (await requireMiniProgram(tx, params.appid ?? '')).appid),
  async 'webviewDomains.set'({ tx, params, body }) {
    const bad = body.mp_webviewdomain.find((entry) => businessDomainHost(entry) === null);
    if (bad !== undefined) throw new ControlError(400, `invalid body: ${bad} is not an https://host entry`);
    const { appid } = await requireMiniProgram(tx, params.appid ?? '');
    const lists = await webviewDomainsOf(tx, appid);
    await saveWebviewDomains(tx, appid, { ...lists, mp: body.mp_webviewdomain });
    return view(tx, appid);
  },
} satisfies Partial<ControlHandlers>;
