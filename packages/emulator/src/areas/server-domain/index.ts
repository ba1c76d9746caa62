import type { Handlers } from '../../http/handler.js';
import { componentPoolHandlers } from './component.js';
import { directHandlers } from './direct.js';
import { modifyDomainHandlers } from './modify-domain.js';

/** The component's domain pools and, through them, the server domains of the Mini Programs it develops. */
export const serverDomainHandlers: Handlers = {
  ...componentPoolHandlers,
  ...modifyDomainHandlers,
  ...directHandlers,
};
export { publishDomainPools } from './pool.js';
export { releaseServerDomains } from './release.js';
