import type { Handlers } from '../../http/handler.js';
import { directHandlers } from './direct.js';
import { legacyHandlers } from './legacy.js';

export const webviewDomainHandlers: Handlers = { ...directHandlers, ...legacyHandlers };
export { releaseWebviewDomains } from './release.js';
