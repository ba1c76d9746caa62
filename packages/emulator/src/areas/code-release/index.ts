import type { Handlers } from '../../core/index.js';
import { grayHandlers } from './gray.js';
import { versionHandlers } from './versions.js';
import { visitHandlers } from './visit.js';

export const codeReleaseHandlers = {
  ...versionHandlers,
  ...grayHandlers,
  ...visitHandlers,
} satisfies Partial<Handlers>;
export { codeReleaseControl } from './control.js';
export { releaseCode } from './release.js';
