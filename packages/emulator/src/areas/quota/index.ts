import { clearHandlers } from './clears.js';
import { meterHandlers } from './handlers.js';

export const quotaHandlers = { ...meterHandlers, ...clearHandlers };
export { quotaControl } from './control.js';
export { ApiMeter } from './meter.js';
