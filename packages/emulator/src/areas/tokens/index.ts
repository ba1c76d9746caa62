import type { Handlers } from '../../http/handler.js';
import { authorizerHandlers } from './authorizer.js';
import { componentHandlers } from './component.js';
import { ownTokenHandlers } from './own-tokens.js';

export const tokenHandlers: Handlers = { ...componentHandlers, ...authorizerHandlers, ...ownTokenHandlers };
