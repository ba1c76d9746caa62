import { type ControlRoute, controlRoute } from '../../core/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { accountView } from '../accounts/views.js';
import { releaseCode } from './release.js';

/** A shortcut for tests that skip the deploy pipeline: the Mini Program's code is released now. */
export const codeReleaseControl: ControlRoute[] = [
  controlRoute({
    method: 'POST',
    path: '/accounts/:appid/release',
    handle: async ({ tx, params }) =>
      accountView(await releaseCode(tx, await requireMiniProgram(tx, params.appid ?? ''))),
  }),
];
