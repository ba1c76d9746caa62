import { modifyDomainHandlers } from './modify-domain.js';
import { directHandlers } from './modify-domain-directly.js';
import { componentPoolHandlers } from './modify-wxa-domains.js';

/** The component's domain pools and, through them, the server domains of the Mini Programs it develops. */
export const serverDomainHandlers = {
  ...componentPoolHandlers,
  ...modifyDomainHandlers,
  ...directHandlers,
};
export { serverDomainControl } from './control.js';
export { releaseServerDomains } from './release.js';
