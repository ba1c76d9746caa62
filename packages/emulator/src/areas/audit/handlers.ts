import type { EndpointName } from '@wxlocal/api';
import { authorizerOf, type Call, fail, type Handlers } from '../../core/index.js';
import type { AuditRow, Db, PlatformRow } from '../../store/index.js';
import { findPlatform } from '../accounts/store.js';
import { auditQuotaOf, useSpeedupQuota, useUndoQuota } from './quotas.js';
import { AuditStatus, isPending, parseAuditid } from './status.js';
import { findAudit, latestAudit, updateAudit } from './store.js';
import { submitAudit } from './submit.js';

/** The calling platform: its quotas and audit policy apply. */
async function platformOf(call: Call<EndpointName>): Promise<PlatformRow> {
  const platform = await findPlatform(call.tx, authorizerOf(call).authorization.component_appid);
  if (!platform) throw new Error('the authorizing platform is gone');
  return platform;
}

/** The Mini Program's audit `auditid` names; another Mini Program's names none. */
async function auditOf(db: Db, appid: string, auditid: unknown): Promise<AuditRow | undefined> {
  const id = parseAuditid(auditid);
  const audit = id === undefined ? undefined : await findAudit(db, id);
  return audit?.appid === appid ? audit : undefined;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export const auditHandlers = {
  async submitAudit(call) {
    const audit = await submitAudit(call, authorizerOf(call).account, await platformOf(call));
    return { auditid: audit.auditid };
  },

  /** `reason` for a rejection or a delay, `screenshot` for a rejection only (docs/code-management.md §7.2). */
  async getAuditStatus(call) {
    const audit = await auditOf(call.tx, authorizerOf(call).account.appid, call.request.auditid);
    if (!audit) fail(85012);
    const { status, reason, screenshot } = audit;
    if (status === AuditStatus.rejected) return { status, reason, screenshot };
    if (status === AuditStatus.delayed) return { status, reason };
    return { status };
  },

  /**
   * The doc's example names the screenshot `ScreenShot` right after `reason`, its field table `screenshot`:
   * both are sent, in that order (docs/code-management.md §7.3).
   */
  async getLatestAuditStatus(call) {
    const audit = await latestAudit(call.tx, authorizerOf(call).account.appid);
    if (!audit) fail(85058);
    const { auditid, status, reason, screenshot } = audit;
    const rejected = status === AuditStatus.rejected;
    return {
      auditid,
      status,
      ...(rejected || status === AuditStatus.delayed ? { reason } : {}),
      ...(rejected ? { ScreenShot: screenshot, screenshot } : {}),
      user_version: audit.user_version,
      user_desc: audit.user_desc,
      submit_audit_time: seconds(audit.submit_audit_time),
    };
  },

  /** Withdraws the pending audit without a push; the month's audit stays used (docs/code-management.md §7.4). */
  async undoAudit(call) {
    const { account } = authorizerOf(call);
    const latest = await latestAudit(call.tx, account.appid);
    if (!latest || !isPending(latest)) fail(87012);
    await useUndoQuota(call.tx, account.appid, call.now);
    await updateAudit(call.tx, latest, {
      status: AuditStatus.withdrawn,
      decided_at: call.now,
      due_at: null,
      due_result: null,
    });
    return {};
  },

  /** Marks the audit sped up; the emulator's timing does not change (docs/code-management.md §7.5). */
  async speedupCodeAudit(call) {
    const audit = await auditOf(call.tx, authorizerOf(call).account.appid, call.request.auditid);
    if (!audit || !isPending(audit)) fail(89402);
    if (audit.sped_up === 1) fail(89404);
    await useSpeedupQuota(call.tx, await platformOf(call), call.now);
    await updateAudit(call.tx, audit, { sped_up: 1 });
    return {};
  },

  async queryQuota(call) {
    return auditQuotaOf(call.tx, await platformOf(call), call.now);
  },
} satisfies Partial<Handlers>;
