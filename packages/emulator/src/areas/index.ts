import type { ControlHandlers, Handlers } from '../core/index.js';
import { accountControl } from './accounts/control.js';
import { authorizationControl } from './authorizations/control.js';
import { codeReleaseControl } from './code-release/control.js';
import { linkControl, linkHandlers } from './link/index.js';
import { qrcodeJumpControl, qrcodeJumpHandlers } from './qrcode-jump/index.js';
import { searchStatusHandlers } from './search-status/index.js';
import { serverDomainControl, serverDomainHandlers } from './server-domain/index.js';
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
};

export { resolveCaller } from './tokens/index.js';
