export {
  accountOf,
  authorizerOf,
  type Call,
  type Caller,
  componentOf,
  type Handler,
  type Handlers,
} from './call.js';
export {
  type AreaControlName,
  ControlError,
  type ControlHandler,
  type ControlHandlers,
  type ControlRequest,
  type RuntimeControlName,
} from './control.js';
export type { Effects, LiveWeb, Scope } from './effects.js';
export type { AnsweredCall, ErrorAnswer, KeptError, Meter } from './meter.js';
export { fail, failWithPayload, WxError } from './wx-error.js';
