import { legacyHandlers } from './setwebviewdomain.js';
import { directHandlers } from './setwebviewdomain-directly.js';

export const webviewDomainHandlers = { ...directHandlers, ...legacyHandlers };
export { webviewDomainControl } from './control.js';
export { releaseWebviewDomains } from './release.js';
