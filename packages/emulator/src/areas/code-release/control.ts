import type { ControlHandlers } from '../../core/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { accountView } from '../accounts/views.js';
import { releaseCode } from './release.js';

/** A shortcut for tests that skip the deploy pipeline: the Mini Program's code is released now. */
export const codeReleaseControl = {
  'accounts.release': async ({ tx, params }) =>
    accountView(await releaseCode(tx, await requireMiniProgram(tx, params.appid ?? ''))),
} satisfies Partial<ControlHandlers>;
