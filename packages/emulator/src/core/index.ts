export {
  accountOf,
  authorizerOf,
  type Call,
  type Caller,
  componentOf,
  type Handler,
  type Handlers,
} from './call.js';
export { ControlError, type ControlRequest, type ControlRoute, controlRoute } from './control.js';
export type { Effects, LiveWeb, Scope } from './effects.js';
export { Appid, closed } from './schemas.js';
export { fail, failWithPayload, WxError } from './wx-error.js';
