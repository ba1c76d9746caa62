import { codeEndpoints, type EndpointName } from '@wxlocal/api';
import type { Call, ControlHandlers, Handlers, Scope } from '../core/index.js';
import { accountOf } from '../core/index.js';
import { accountControl } from './accounts/control.js';
import { auditControl, auditHandlers, decideDueAudits } from './audit/index.js';
import { authorizationControl } from './authorizations/control.js';
import { authorizerListHandlers } from './authorizations/list.js';
import { authorizerOptionHandlers } from './authorizer-options/index.js';
import { codeReleaseControl, codeReleaseHandlers } from './code-release/index.js';
import { commitHandlers } from './commit/index.js';
import { linkControl, linkHandlers } from './link/index.js';
import { qrcodeJumpControl, qrcodeJumpHandlers } from './qrcode-jump/index.js';
import { quotaControl, quotaHandlers } from './quota/index.js';
import { searchStatusHandlers } from './search-status/index.js';
import { serverDomainControl, serverDomainHandlers } from './server-domain/index.js';
import { templateControl, templateHandlers } from './templates/index.js';
import { tokenControl, tokenHandlers } from './tokens/index.js';
import { webControl } from './web/control.js';
import { webviewDomainControl, webviewDomainHandlers } from './webview-domain/index.js';

/** Every area's endpoint handlers: one per catalogue entry, or this does not compile. */
export const handlers: Handlers = {
  ...tokenHandlers,
  ...searchStatusHandlers,
  ...linkHandlers,
  ...webviewDomainHandlers,
  ...qrcodeJumpHandlers,
  ...serverDomainHandlers,
  ...templateHandlers,
  ...quotaHandlers,
  ...authorizerListHandlers,
  ...authorizerOptionHandlers,
  ...afterDueDecisions({ ...commitHandlers, ...auditHandlers, ...codeReleaseHandlers }),
};

/** Every area's control-plane routes: the other parties of each feature (operators, admins, the web). */
export const controlHandlers: ControlHandlers = {
  ...accountControl,
  ...tokenControl,
  ...codeReleaseControl,
  ...authorizationControl,
  ...linkControl,
  ...webControl,
  ...serverDomainControl,
  ...webviewDomainControl,
  ...qrcodeJumpControl,
  ...templateControl,
  ...auditControl,
  ...quotaControl,
};

/**
 * A code API reads its Mini Program's code state once the audit decisions due by now are applied
 * (docs/code-management.md §2).
 */
function afterDueDecisions<H extends Partial<Handlers>>(codeHandlers: H): H {
  const entries = Object.entries(codeHandlers) as [string, (call: Call<EndpointName>) => Promise<object>][];
  const wrapped = entries.map(([name, handler]) => {
    if (!(name in codeEndpoints)) throw new Error(`${name} is not a code API`);
    return [
      name,
      async (call: Call<EndpointName>) => {
        await decideDueAudits(call, accountOf(call).appid);
        return handler(call);
      },
    ];
  });
  return Object.fromEntries(wrapped) as H;
}

/** Work that falls due as emulated time passes, done when the clock moves and every second. */
export async function settleDue(scope: Scope): Promise<void> {
  await decideDueAudits(scope);
}

export { CallerCache, tokenHolder } from './tokens/index.js';
