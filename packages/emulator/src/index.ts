export {
  type ControlClient,
  type ControlClientOptions,
  type ControlEvent,
  ControlPlaneError,
  controlClient,
  type RequestFilter,
  type Snapshot,
  type StateDocument,
} from './embed/control-client.js';
export {
  connectWxlocal,
  StartError,
  startWxlocal,
  type Wxlocal,
  type WxlocalOptions,
} from './embed/start.js';
export { DEMO, type Seed } from './seed.js';
export { DatabaseError, DataFileError } from './store/index.js';
