export { qrcodeJumpControl } from './control.js';
export { qrcodeJumpHandlers } from './handlers.js';
