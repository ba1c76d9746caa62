import { componentOf, fail, type Handlers } from '../../core/index.js';
import { findAuthorization } from '../authorizations/store.js';
import { checkComponentAppid, identify } from '../tokens/identity.js';
import { clearAccount } from './counters.js';
import { callerAppid } from './limits.js';

/** The four endpoints that clear an account's daily counters, in their check orders (docs/quota.md §3). */
export const clearHandlers = {
  /** With a token of the account it clears (docs/quota.md §3.2). */
  async clearQuota(call) {
    const { appid } = call.request;
    if (appid === '') fail(41002);
    if (appid !== callerAppid(call.caller)) fail(40013);
    await clearAccount(call, appid);
    return {};
  },

  /** With the account's AppSecret, from the query or the body (docs/quota.md §3.3). */
  async clearQuotaByAppSecret(call) {
    const { appid, appsecret } = call.request;
    if (appid === '') fail(41002);
    if (appsecret === '') fail(41004);
    const identity = await identify(call.tx, appid);
    if ('platform' in identity) fail(61024);
    if (identity.account.secret !== appsecret) fail(40125);
    await clearAccount(call, appid);
    return {};
  },

  /** The older component path: the component's own counters (docs/quota.md §3.4). */
  async clearComponentQuota(call) {
    const componentAppid = componentOf(call);
    checkComponentAppid(call.request.component_appid, componentAppid);
    await clearAccount(call, componentAppid);
    return {};
  },

  /** With the component's secret: its own counters, or an authorized account's (docs/quota.md §3.5). */
  async clearComponentQuotaByAppSecret(call) {
    const { component_appid, appsecret, appid } = call.request;
    if (component_appid === '') fail(41002);
    if (appsecret === '') fail(41004);
    const identity = await identify(call.tx, component_appid);
    if (!('platform' in identity)) fail(61011);
    if (identity.platform.secret !== appsecret) fail(40125);
    if (appid !== '') {
      const authorization = await findAuthorization(call.tx, component_appid, appid);
      if (authorization?.status !== 'active') fail(43007);
    }
    await clearAccount(call, appid === '' ? component_appid : appid);
    return {};
  },
} satisfies Partial<Handlers>;
