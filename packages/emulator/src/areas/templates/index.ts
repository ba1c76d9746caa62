export { templateControl } from './control.js';
export { templateHandlers } from './handlers.js';
