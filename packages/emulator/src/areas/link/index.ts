export { linkControl } from './control.js';
export { linkHandlers } from './handlers.js';
