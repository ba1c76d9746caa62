import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import type { Db, GrayPlanRow } from '../../store/index.js';
import { AuditStatus } from '../audit/status.js';
import { latestAudit } from '../audit/store.js';
import { seconds, sentInteger } from './numbers.js';
import { findGrayPlan, onlineVersion, saveGrayPlan } from './store.js';

/** Gray-plan statuses (docs/code-management.md §10); 2 (paused) has no API leading to it. */
export const GRAY = { none: 0, running: 1, done: 3, cancelled: 4 } as const;

/** The running plan, if any. */
export async function runningGrayPlan(db: Db, appid: string): Promise<GrayPlanRow | undefined> {
  const plan = await findGrayPlan(db, appid);
  return plan?.status === GRAY.running ? plan : undefined;
}

/** `gray_percentage` as an integer 0–100, or null. */
function grayPercentage(value: unknown): number | null {
  const percentage = sentInteger(value);
  return percentage !== null && percentage >= 0 && percentage <= 100 ? percentage : null;
}

/** 分阶段发布 (docs/code-management.md §10). */
export const grayHandlers = {
  async grayRelease(call) {
    const { account } = authorizerOf(call);
    const { support_debuger_first, support_experiencer_first } = call.request;
    if (!account.init_completed) fail(86002);
    const percentage = grayPercentage(call.request.gray_percentage);
    // At 0 % the version reaches nobody unless one group goes first.
    if (percentage === null || (percentage === 0 && !support_debuger_first && !support_experiencer_first)) {
      fail(85081);
    }
    if (!(await onlineVersion(call.tx, account.appid))) fail(85079);
    const audit = await latestAudit(call.tx, account.appid);
    if (audit?.status !== AuditStatus.passed || audit.released) fail(85080);
    const running = await runningGrayPlan(call.tx, account.appid);
    if (running && percentage < running.gray_percentage) fail(85082);
    await saveGrayPlan(call.tx, {
      appid: account.appid,
      status: GRAY.running,
      create_timestamp: running?.create_timestamp ?? call.now,
      gray_percentage: percentage,
      support_debuger_first: Number(support_debuger_first),
      support_experiencer_first: Number(support_experiencer_first),
    });
    return {};
  },

  /** Never a plan: status 0 with zero values. */
  async getGrayReleasePlan(call) {
    const plan = await findGrayPlan(call.tx, authorizerOf(call).account.appid);
    return {
      gray_release_plan: {
        status: plan?.status ?? GRAY.none,
        create_timestamp: plan ? seconds(plan.create_timestamp) : 0,
        gray_percentage: plan?.gray_percentage ?? 0,
        support_debuger_first: plan?.support_debuger_first === 1,
        support_experiencer_first: plan?.support_experiencer_first === 1,
      },
    };
  },

  /** Cancels a running plan; without one nothing changes. */
  async revertGrayRelease(call) {
    const running = await runningGrayPlan(call.tx, authorizerOf(call).account.appid);
    if (running) await saveGrayPlan(call.tx, { ...running, status: GRAY.cancelled });
    return {};
  },
} satisfies Partial<Handlers>;
