import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator } from './helpers.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wxlocal-migrate-'));
  file = join(dir, 'wxlocal.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Rewinds the data file to migration 0007, when forced refreshes were kept in `meta`. */
function rewindTo0007(): void {
  const db = new SQLite(file);
  const forces = db.prepare('select appid, forced_at from stable_token_forces').all() as {
    appid: string;
    forced_at: number;
  }[];
  const keep = db.prepare('insert into meta (key, value) values (?, ?)');
  for (const row of forces) keep.run(`stable_forced_at:${row.appid}`, String(row.forced_at));
  db.exec(`drop table template_drafts; drop table templates; drop table trial_versions; drop table audits;
    drop table code_releases; drop table gray_plans;
    alter table platforms drop column message_url; alter table platforms drop column audit_policy;
    alter table platforms drop column audit_limit; alter table platforms drop column speedup_limit;
    alter table platforms drop column privacy_scan_seconds; alter table accounts drop column categories;
    alter table accounts drop column init_completed; alter table accounts drop column permitted_privacy_apis;
    alter table accounts drop column visit_status;
    drop table stable_token_forces; drop table fault_rules; drop table push_outbox; drop table push_log;
    drop table snapshots; drop table request_journal; drop table api_usage; drop table api_limits;
    drop table rids; drop table authorizer_options; alter table authorizations drop column redeemed;
    drop index quota_counters_by_expiry; alter table quota_counters drop column expires_at;
    drop index tokens_by_expiry; drop index verify_tickets_by_expiry; drop index pre_auth_codes_by_expiry;
    drop index authorization_codes_by_expiry; drop index tokens_by_usable_until;
    create index tokens_by_slot on tokens (slot, issued_at);
    delete from kysely_migration where name >= '0008'`);
  db.close();
}

describe('data files of earlier versions', () => {
  it('a forced stable-token refresh kept in meta still spaces the next one 30 s apart', async () => {
    let h: Harness = await startEmulator({ file });
    const w = await createWorld(h);
    const force = () =>
      h.post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: w.miniProgram.appid,
        secret: w.miniProgram.secret,
        force_refresh: true,
      });
    const forced = (await force()).json.access_token;
    await h.close();

    rewindTo0007();
    h = await startEmulator({ file });
    try {
      expect((await force()).json.access_token).toBe(forced);
      await h.post('/_wxlocal/clock', { advance: 30 });
      expect((await force()).json.access_token).not.toBe(forced);
    } finally {
      await h.close();
    }
  });
});
