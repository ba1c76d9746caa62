import { authorizerHandlers } from './authorizer.js';
import { componentHandlers } from './component.js';
import { ownTokenHandlers } from './own-tokens.js';

export const tokenHandlers = { ...componentHandlers, ...authorizerHandlers, ...ownTokenHandlers };
export { tokenHolder } from './caller.js';
export { CallerCache } from './caller-cache.js';
export { tokenControl } from './control.js';
