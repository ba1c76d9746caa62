import { ControlError, type ControlHandlers } from '../../core/index.js';
import { requireMiniProgram } from '../accounts/control.js';
import { decideAudit, decideDueAudits } from './decide.js';
import { isPending } from './status.js';
import { latestAudit } from './store.js';

/** WeChat's reviewer: decides the pending audit and WeChat pushes the result (docs/code-management.md §13). */
export const auditControl = {
  async 'accounts.audit'(request) {
    const account = await requireMiniProgram(request.tx, request.params.appid ?? '');
    await decideDueAudits(request, account.appid);
    const latest = await latestAudit(request.tx, account.appid);
    if (!latest || !isPending(latest)) throw new ControlError(409, `${account.appid} has no audit pending`);
    const { auditid, status, reason, screenshot } = await decideAudit(
      request,
      latest,
      request.body,
      request.now,
    );
    return { auditid, status, reason, screenshot };
  },
} satisfies Partial<ControlHandlers>;
