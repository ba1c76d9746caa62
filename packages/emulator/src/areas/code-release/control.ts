import type { ControlHandlers } from '../../core/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { accountView } from '../accounts/views.js';
import { decideDueAudits } from '../audit/index.js';
import { codeState } from './code-state.js';
import { releaseCode } from './release.js';

export const codeReleaseControl = {
  /** A shortcut for tests that skip the deploy pipeline: the Mini Program's code is released now. */
  'accounts.release': async ({ tx, params }) =>
    accountView(await releaseCode(tx, await requireMiniProgram(tx, params.appid ?? ''))),

  /** The Mini Program's code, after the audit decisions due by now (docs/code-management.md §13). */
  async 'accounts.code'(scope) {
    const miniProgram = await requireMiniProgram(scope.tx, scope.params.appid ?? '');
    await decideDueAudits(scope, miniProgram.appid);
    return codeState(scope.tx, miniProgram, scope.now);
  },
} satisfies Partial<ControlHandlers>;
