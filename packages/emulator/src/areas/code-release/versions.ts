import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import type { AccountRow, AuditRow, Db, ReleaseRow } from '../../store/index.js';
import { AuditStatus } from '../audit/status.js';
import { latestAudit, updateAudit } from '../audit/store.js';
import { findTrial } from '../commit/store.js';
import { GRAY, runningGrayPlan } from './gray.js';
import { seconds, sentInteger } from './numbers.js';
import { releaseCode } from './release.js';
import { appendRelease, onlineVersion, releasesOf, saveGrayPlan } from './store.js';

const HISTORY_ACTION = 'get_history_version';

/** The latest audit, if it may be released (docs/code-management.md §9.1). */
async function releasableAudit(db: Db, appid: string): Promise<AuditRow> {
  const audit = await latestAudit(db, appid);
  if (!audit) fail(85019);
  if (audit.status !== AuditStatus.passed) fail(85020);
  if (audit.released) fail(85052);
  // A commit after the pass replaced the trial the reviewer saw.
  const trial = await findTrial(db, appid);
  if (trial && trial.commit_time > (audit.decided_at ?? 0) && trial.app_version !== audit.app_version) {
    fail(85020);
  }
  return audit;
}

/** Releases the latest passed audit: it goes online, completes a gray plan, and its domains go in force. */
async function releaseAudit(db: Db, account: AccountRow, audit: AuditRow, now: number): Promise<void> {
  await updateAudit(db, audit, { released: 1 });
  await appendRelease(db, {
    appid: account.appid,
    app_version: audit.app_version,
    user_version: audit.user_version,
    user_desc: audit.user_desc,
    commit_time: audit.commit_time,
    release_time: now,
    is_rollback: 0,
  });
  const plan = await runningGrayPlan(db, account.appid);
  if (plan) await saveGrayPlan(db, { ...plan, status: GRAY.done });
  await releaseCode(db, account);
}

/**
 * The versions a rollback may restore: the history without the online version, newest first, each
 * `app_version` once; none once the online version is itself a rollback (docs/code-management.md §9.2).
 */
function restorable(releases: ReleaseRow[]): ReleaseRow[] {
  const [online, ...earlier] = releases;
  if (!online || online.is_rollback) return [];
  const versions: ReleaseRow[] = [];
  for (const release of earlier) {
    const listed = [online, ...versions].some((kept) => kept.app_version === release.app_version);
    if (!listed) versions.push(release);
  }
  return versions;
}

/** `app_version` as sent: absent, or a positive integer (40097 otherwise). */
function requestedVersion(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const version = sentInteger(value);
  if (version === null || version < 1) fail(40097);
  return version;
}

/** Release, rollback and version info (docs/code-management.md §9). */
export const versionHandlers = {
  async release(call) {
    const { account } = authorizerOf(call);
    await releaseAudit(call.tx, account, await releasableAudit(call.tx, account.appid), call.now);
    return {};
  },

  async revertCodeRelease(call) {
    const { account } = authorizerOf(call);
    const { action } = call.request;
    if (action !== undefined && action !== HISTORY_ACTION) fail(40097);
    const releases = await releasesOf(call.tx, account.appid);
    if (action === HISTORY_ACTION) {
      return {
        version_list: restorable(releases).map((release) => ({
          app_version: release.app_version,
          user_version: release.user_version,
          user_desc: release.user_desc,
          commit_time: seconds(release.commit_time),
        })),
      };
    }
    const version = requestedVersion(call.request.app_version);
    if (await runningGrayPlan(call.tx, account.appid)) fail(87011);
    const candidates = restorable(releases);
    const target = version === undefined ? candidates[0] : candidates.find((r) => r.app_version === version);
    if (!target) fail(87012);
    await appendRelease(call.tx, {
      appid: account.appid,
      app_version: target.app_version,
      user_version: target.user_version,
      user_desc: target.user_desc,
      commit_time: target.commit_time,
      release_time: call.now,
      is_rollback: 1,
    });
    return {};
  },

  /** The trial (exp_info) and the online version (release_info), each left out when there is none. */
  async getVersionInfo(call) {
    const { appid } = authorizerOf(call).account;
    const trial = await findTrial(call.tx, appid);
    const online = await onlineVersion(call.tx, appid);
    return {
      ...(trial && {
        exp_info: {
          exp_time: seconds(trial.commit_time),
          exp_version: trial.user_version,
          exp_desc: trial.user_desc,
        },
      }),
      ...(online && {
        release_info: {
          release_time: seconds(online.release_time),
          release_version: online.user_version,
          release_desc: online.user_desc,
        },
      }),
    };
  },
} satisfies Partial<Handlers>;
