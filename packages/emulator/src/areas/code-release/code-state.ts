import type { AccountRow, AuditRow, Db, ReleaseRow } from '../../store/index.js';
import { findPlatform } from '../accounts/store.js';
import { listAudits } from '../audit/store.js';
import { findTrial } from '../commit/store.js';
import { mainPages, privacyScanDone, subpackagesOf } from '../commit/trial.js';
import { seconds } from './numbers.js';
import { findGrayPlan, releasesOf } from './store.js';

/** A Mini Program's whole code state as the control plane shows it, times in Unix seconds. */
export async function codeState(db: Db, miniProgram: AccountRow, now: number) {
  const { appid } = miniProgram;
  const releases = await releasesOf(db, appid);
  const plan = await findGrayPlan(db, appid);
  return {
    trial: await trialView(db, appid, now),
    audits: (await listAudits(db, appid)).map(auditView),
    online: releases[0] ? onlineView(releases[0]) : null,
    history: releases.map((release) => ({
      app_version: release.app_version,
      user_version: release.user_version,
      release_time: seconds(release.release_time),
      is_rollback: release.is_rollback === 1,
    })),
    gray_plan: plan
      ? {
          status: plan.status,
          gray_percentage: plan.gray_percentage,
          create_timestamp: seconds(plan.create_timestamp),
        }
      : null,
    visit_status: miniProgram.visit_status,
  };
}

async function trialView(db: Db, appid: string, now: number) {
  const trial = await findTrial(db, appid);
  if (!trial) return null;
  const platform = await findPlatform(db, trial.component_appid);
  return {
    app_version: trial.app_version,
    template_id: trial.template_id,
    user_version: trial.user_version,
    user_desc: trial.user_desc,
    commit_time: seconds(trial.commit_time),
    ext_json: trial.ext_json,
    pages: mainPages(trial),
    subpackages: subpackagesOf(trial),
    tabbar_pages: JSON.parse(trial.tabbar_pages) as string[],
    required_private_infos: JSON.parse(trial.declared_privacy_apis) as string[],
    privacy_scan_done: platform ? privacyScanDone(trial, platform, now) : true,
  };
}

function auditView(audit: AuditRow) {
  return {
    auditid: audit.auditid,
    status: audit.status,
    reason: audit.reason,
    screenshot: audit.screenshot,
    app_version: audit.app_version,
    user_version: audit.user_version,
    user_desc: audit.user_desc,
    submit_audit_time: seconds(audit.submit_audit_time),
    sped_up: audit.sped_up === 1,
    released: audit.released === 1,
    due_at: audit.due_at === null ? null : seconds(audit.due_at),
    due_result: audit.due_result,
  };
}

function onlineView(release: ReleaseRow) {
  return {
    app_version: release.app_version,
    user_version: release.user_version,
    user_desc: release.user_desc,
    release_time: seconds(release.release_time),
    is_rollback: release.is_rollback === 1,
  };
}
