export { authorizerOptionHandlers } from './handlers.js';
