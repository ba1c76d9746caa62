import type { MessageFields } from '@wxlocal/api';
import type { Scope } from '../../core/index.js';
import type { AccountRow, AuditRow } from '../../store/index.js';
import { findAccount } from '../accounts/store.js';
import { AuditStatus } from './status.js';
import { dueAudits, updateAudit } from './store.js';

/** A result for a pending audit: the reviewer's (control plane) or the platform's audit policy. */
export interface Decision {
  result: 'pass' | 'reject' | 'delay';
  reason?: string;
  /** `|`-separated media ids of the rejected pages. */
  screenshot?: string;
}

/** The reasons WeChat's samples show (docs/code-management.md §8). */
const REJECT_REASON = '帐号信息不合规范';
const DELAY_REASON =
  '为了更好的服务小程序，您的服务商正在进行提审系统的优化，可能会导致审核时效的增长，请耐心等待';

/** The system OpenID audit events come from (docs/code-management.md §8). */
const SYSTEM_OPENID = 'od1P50M-fNQI5Gcq-trm4a7apsU8';

/** What a decision changes; a delay keeps the policy's decision still due, pass and reject drop it. */
function outcome(decision: Decision, at: number): Partial<AuditRow> {
  const final = { decided_at: at, due_at: null, due_result: null };
  switch (decision.result) {
    case 'pass':
      return { ...final, status: AuditStatus.passed, reason: '', screenshot: '' };
    case 'reject':
      return {
        ...final,
        status: AuditStatus.rejected,
        reason: decision.reason || REJECT_REASON,
        screenshot: decision.screenshot ?? '',
      };
    case 'delay':
      return {
        decided_at: at,
        status: AuditStatus.delayed,
        reason: decision.reason || DELAY_REASON,
        screenshot: '',
      };
  }
}

/** Applies `decision` to a pending audit as of `at` (Unix ms) and pushes its result event. */
export async function decideAudit(
  scope: Scope,
  audit: AuditRow,
  decision: Decision,
  at: number,
): Promise<AuditRow> {
  const decided = await updateAudit(scope.tx, audit, outcome(decision, at));
  const account = await findAccount(scope.tx, decided.appid);
  if (account) scope.pushEvent(decided.component_appid, decided.appid, resultEvent(decided, account, at));
  return decided;
}

/** weapp_audit_success / _fail / _delay, fields in WeChat's order (docs/code-management.md §8). */
function resultEvent(audit: AuditRow, account: AccountRow, at: number): MessageFields {
  const time = Math.floor(at / 1000);
  const head = {
    ToUserName: account.user_name,
    FromUserName: SYSTEM_OPENID,
    CreateTime: time,
    MsgType: 'event',
  };
  switch (audit.status) {
    case AuditStatus.passed:
      return { ...head, Event: 'weapp_audit_success', SuccTime: time };
    case AuditStatus.rejected:
      return {
        ...head,
        Event: 'weapp_audit_fail',
        Reason: audit.reason,
        FailTime: time,
        ScreenShot: audit.screenshot,
      };
    default:
      return { ...head, Event: 'weapp_audit_delay', Reason: audit.reason, DelayTime: time };
  }
}

/**
 * Applies the audit-policy decisions that fell due by `scope.now` (of one Mini Program, or all), with their pushes,
 * each as of its due time (docs/code-management.md §2).
 */
export async function decideDueAudits(scope: Scope, appid?: string): Promise<void> {
  for (const audit of await dueAudits(scope.tx, scope.now, appid)) {
    if (audit.due_at !== null && audit.due_result !== null) {
      await decideAudit(scope, audit, { result: audit.due_result }, audit.due_at);
    }
  }
}
