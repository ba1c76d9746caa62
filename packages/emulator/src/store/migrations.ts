import { type Kysely, type Migration, type MigrationProvider, PostgresAdapter, sql } from 'kysely';

/** Numbered migrations, written with Kysely's schema builder so they run on SQLite and PostgreSQL alike. */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('platforms')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull())
        .addColumn('test_accounts', 'text', (c) => c.notNull())
        .addColumn('ip_whitelist', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('accounts')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('principal_name', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('personal', 'integer', (c) => c.notNull())
        .addColumn('overseas', 'integer', (c) => c.notNull())
        .addColumn('service_type', 'text')
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('flags', 'text', (c) => c.notNull())
        .addColumn('ip_whitelist', 'text', (c) => c.notNull())
        .addColumn('search_status', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('verify_tickets')
        .addColumn('ticket', 'text', (c) => c.primaryKey())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('verify_tickets_by_component')
        .on('verify_tickets')
        .columns(['component_appid', 'issued_at'])
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('component_appid', 'text')
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('usable_until', 'bigint')
        .execute();
      await db.schema.createIndex('tokens_by_slot').on('tokens').columns(['slot', 'issued_at']).execute();
      await db.schema
        .createTable('authorizations')
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('authorizer_appid', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('func_info', 'text', (c) => c.notNull())
        .addColumn('refresh_token', 'text', (c) => c.notNull())
        .addColumn('previous_refresh_token', 'text')
        .addColumn('previous_refresh_token_until', 'bigint')
        .addColumn('authorized_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('authorizations_pk', ['component_appid', 'authorizer_appid'])
        .execute();
      await db.schema
        .createTable('pre_auth_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createTable('authorization_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('authorizer_appid', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('quota_counters')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0002_links': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('accounts')
        .addColumn('admin_email', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createTable('links')
        .addColumn('official_account', 'text', (c) => c.notNull())
        .addColumn('miniprogram', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('notify_users', 'integer', (c) => c.notNull())
        .addColumn('show_profile', 'integer', (c) => c.notNull())
        .addColumn('unlink_pending', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('links_pk', ['official_account', 'miniprogram'])
        .execute();
      await db.schema.createIndex('links_by_miniprogram').on('links').column('miniprogram').execute();
    },
  },
  '0003_web': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('served_files')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('content', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('hosts')
        .addColumn('host', 'text', (c) => c.primaryKey())
        .addColumn('icp_filed', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('confirm_files')
        .addColumn('owner', 'text', (c) => c.primaryKey())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_content', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0004_server_domain': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('domain_pools')
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('pool', 'text', (c) => c.notNull())
        .addColumn('testing', 'text', (c) => c.notNull())
        .addColumn('published', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('domain_pools_pk', ['component_appid', 'pool'])
        .execute();
      await db.schema
        .createTable('server_domains')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('mp', 'text', (c) => c.notNull())
        .addColumn('third', 'text', (c) => c.notNull())
        .addColumn('direct', 'text', (c) => c.notNull())
        .addColumn('effective', 'text')
        .execute();
    },
  },
  '0005_webview_domain': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webview_domains')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('mp', 'text', (c) => c.notNull())
        .addColumn('third', 'text', (c) => c.notNull())
        .addColumn('direct', 'text', (c) => c.notNull())
        .addColumn('effective', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0006_qrcode_jump': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('qrcode_rules')
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('permit_sub_rule', 'integer', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('open_version', 'integer', (c) => c.notNull())
        .addColumn('debug_url', 'text', (c) => c.notNull())
        .addColumn('target_appid', 'text')
        .addColumn('state', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('published_at', 'bigint')
        .addPrimaryKeyConstraint('qrcode_rules_pk', ['owner', 'prefix'])
        .execute();
      await db.schema
        .createTable('qrcode_blacklist')
        .addColumn('entry', 'text', (c) => c.primaryKey())
        .execute();
    },
  },
  '0007_push': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('platforms').addColumn('auth_event_url', 'text').execute();
      await db.schema
        .alterTable('platforms')
        .addColumn('message_token', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .alterTable('platforms')
        .addColumn('encoding_aes_key', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('platforms').addColumn('last_pushed_ticket', 'text').execute();
    },
  },
  '0008_stable_token_forces': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stable_token_forces')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('forced_at', 'bigint', (c) => c.notNull())
        .execute();
      // Earlier versions kept these times in `meta` under `stable_forced_at:<appid>`.
      const prefix = 'stable_forced_at:';
      await sql`insert into stable_token_forces (appid, forced_at)
        select substr(key, ${prefix.length + 1}), cast(value as bigint) from meta
        where substr(key, 1, ${prefix.length}) = ${prefix}`.execute(db);
      await sql`delete from meta where substr(key, 1, ${prefix.length}) = ${prefix}`.execute(db);
    },
  },
  '0009_pruning': {
    async up(db: Kysely<unknown>) {
      // Counters of earlier versions have no known end: they are kept.
      await db.schema
        .alterTable('quota_counters')
        .addColumn('expires_at', 'bigint', (c) => c.notNull().defaultTo(KEPT_FOREVER))
        .execute();
      const byExpiry = [
        'quota_counters',
        'tokens',
        'verify_tickets',
        'pre_auth_codes',
        'authorization_codes',
      ];
      for (const table of byExpiry) {
        await db.schema.createIndex(`${table}_by_expiry`).on(table).column('expires_at').execute();
      }
      await db.schema
        .createIndex('tokens_by_usable_until')
        .on('tokens')
        .columns(['slot', 'usable_until'])
        .execute();
    },
  },
  '0010_code_management': {
    async up(db: Kysely<unknown>) {
      const addColumns = async (table: string, columns: [string, 'text' | 'integer', unknown][]) => {
        for (const [name, type, value] of columns) {
          await db.schema
            .alterTable(table)
            .addColumn(name, type, (c) => (value === null ? c : c.notNull().defaultTo(value)))
            .execute();
        }
      };
      await addColumns('platforms', [
        ['message_url', 'text', null],
        ['audit_policy', 'text', null],
        ['audit_limit', 'integer', 100],
        ['speedup_limit', 'integer', 10],
        ['privacy_scan_seconds', 'integer', 0],
      ]);
      await addColumns('accounts', [
        ['categories', 'text', DEFAULT_CATEGORIES],
        ['init_completed', 'integer', 1],
        ['permitted_privacy_apis', 'text', null],
        ['visit_status', 'text', 'open'],
      ]);
      const withApp = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('component_appid', 'text', (c) => c.notNull())
          .addColumn('user_version', 'text', (c) => c.notNull())
          .addColumn('user_desc', 'text', (c) => c.notNull())
          .addColumn('pages', 'text', (c) => c.notNull())
          .addColumn('subpackages', 'text', (c) => c.notNull())
          .addColumn('tabbar_pages', 'text', (c) => c.notNull())
          .addColumn('privacy_apis', 'text', (c) => c.notNull())
          .addColumn('size_kb', 'integer', (c) => c.notNull())
          .addColumn('source_miniprogram_appid', 'text', (c) => c.notNull())
          .addColumn('source_miniprogram', 'text', (c) => c.notNull())
          .addColumn('developer', 'text', (c) => c.notNull())
          .addColumn('create_time', 'bigint', (c) => c.notNull());
      await withApp('template_drafts')
        .addColumn('draft_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('template_drafts_pk', ['component_appid', 'draft_id'])
        .execute();
      await withApp('templates')
        .addColumn('template_id', 'integer', (c) => c.notNull())
        .addColumn('draft_id', 'integer', (c) => c.notNull())
        .addColumn('template_type', 'integer', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('templates_pk', ['component_appid', 'template_id'])
        .execute();
      await db.schema
        .createTable('trial_versions')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('template_id', 'integer', (c) => c.notNull())
        .addColumn('template_type', 'integer', (c) => c.notNull())
        .addColumn('ext_json', 'text', (c) => c.notNull())
        .addColumn('pages', 'text', (c) => c.notNull())
        .addColumn('subpackages', 'text', (c) => c.notNull())
        .addColumn('tabbar_pages', 'text', (c) => c.notNull())
        .addColumn('declared_privacy_apis', 'text', (c) => c.notNull())
        .addColumn('template_privacy_apis', 'text', (c) => c.notNull())
        .addColumn('user_version', 'text', (c) => c.notNull())
        .addColumn('user_desc', 'text', (c) => c.notNull())
        .addColumn('commit_time', 'bigint', (c) => c.notNull())
        .addColumn('app_version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audits')
        .addColumn('auditid', 'bigint', (c) => c.primaryKey())
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('screenshot', 'text', (c) => c.notNull())
        .addColumn('user_version', 'text', (c) => c.notNull())
        .addColumn('user_desc', 'text', (c) => c.notNull())
        .addColumn('app_version', 'integer', (c) => c.notNull())
        .addColumn('commit_time', 'bigint', (c) => c.notNull())
        .addColumn('submit_audit_time', 'bigint', (c) => c.notNull())
        .addColumn('decided_at', 'bigint')
        .addColumn('sped_up', 'integer', (c) => c.notNull())
        .addColumn('released', 'integer', (c) => c.notNull())
        .addColumn('due_at', 'bigint')
        .addColumn('due_result', 'text')
        .execute();
      await db.schema.createIndex('audits_by_appid').on('audits').columns(['appid', 'auditid']).execute();
      await db.schema.createIndex('audits_by_due_at').on('audits').column('due_at').execute();
      await db.schema
        .createTable('code_releases')
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('app_version', 'integer', (c) => c.notNull())
        .addColumn('user_version', 'text', (c) => c.notNull())
        .addColumn('user_desc', 'text', (c) => c.notNull())
        .addColumn('commit_time', 'bigint', (c) => c.notNull())
        .addColumn('release_time', 'bigint', (c) => c.notNull())
        .addColumn('is_rollback', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('code_releases_pk', ['appid', 'seq'])
        .execute();
      await db.schema
        .createTable('gray_plans')
        .addColumn('appid', 'text', (c) => c.primaryKey())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('create_timestamp', 'bigint', (c) => c.notNull())
        .addColumn('gray_percentage', 'integer', (c) => c.notNull())
        .addColumn('support_debuger_first', 'integer', (c) => c.notNull())
        .addColumn('support_experiencer_first', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0011_fault_rules': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('fault_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('appid', 'text')
        .addColumn('errcode', 'integer')
        .addColumn('status', 'integer')
        .addColumn('network', 'text')
        .addColumn('hang_ms', 'integer')
        .addColumn('latency_ms', 'text')
        .addColumn('after_commit', 'integer', (c) => c.notNull())
        .addColumn('probability', 'real', (c) => c.notNull())
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('draws', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer')
        .addColumn('fired', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
  '0012_binary_order': {
    async up(db: Kysely<unknown>) {
      // SQLite orders text by its bytes; PostgreSQL by the database's locale unless told otherwise.
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
      const ordered = [
        ['served_files', 'url'],
        ['hosts', 'host'],
        ['qrcode_blacklist', 'entry'],
        ['links', 'miniprogram'],
      ] as const;
      for (const [table, column] of ordered) {
        await db.schema
          .alterTable(table)
          .alterColumn(column, (c) => c.setDataType(sql`text collate "C"`))
          .execute();
      }
    },
  },
  '0013_push_outbox': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('push_outbox')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('component_appid', 'text', (c) => c.notNull())
        .addColumn('authorizer_appid', 'text')
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('claimed_until', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('push_outbox_by_platform')
        .on('push_outbox')
        .columns(['component_appid', 'seq'])
        .execute();
      await db.schema
        .createTable('push_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0014_snapshots': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('snapshots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('clock_offset_ms', 'bigint', (c) => c.notNull())
        .addColumn('tables', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0015_request_journal': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('request_journal')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('rid', 'text', (c) => c.notNull())
        .addColumn('appid', 'text')
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .addColumn('errcode', 'integer', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('request_journal_by_rid').on('request_journal').column('rid').execute();
    },
  },
  '0016_api_quota': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_usage')
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('cgi_path', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('used', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('api_usage_key', ['appid', 'cgi_path', 'day'])
        .execute();
      await db.schema.createIndex('api_usage_by_expiry').on('api_usage').column('expires_at').execute();
      await db.schema
        .createTable('api_limits')
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('cgi_path', 'text', (c) => c.notNull())
        .addColumn('daily_limit', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('api_limits_key', ['appid', 'cgi_path'])
        .execute();
      await db.schema
        .createTable('rids')
        .addColumn('rid', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text')
        .addColumn('invoke_time', 'bigint', (c) => c.notNull())
        .addColumn('cost_in_ms', 'integer', (c) => c.notNull())
        .addColumn('request_url', 'text', (c) => c.notNull())
        .addColumn('request_body', 'text', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('client_ip', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rids_by_time').on('rids').columns(['invoke_time', 'rid']).execute();
      await db.schema
        .createTable('authorizer_options')
        .addColumn('appid', 'text', (c) => c.notNull())
        .addColumn('option_name', 'text', (c) => c.notNull())
        .addColumn('option_value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('authorizer_options_key', ['appid', 'option_name'])
        .execute();
      // Whether api_query_auth handed the component its refresh token (docs/quota.md §5.1).
      await db.schema
        .alterTable('authorizations')
        .addColumn('redeemed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0017_journal_answer_time': {
    async up(db: Kysely<unknown>) {
      // Instances write their calls in batches that may commit out of order; the answer's time orders them.
      await db.schema
        .alterTable('request_journal')
        .addColumn('answered_ms', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('request_journal_by_answer')
        .on('request_journal')
        .columns(['answered_ms', 'seq'])
        .execute();
    },
  },
  '0018_tokens_by_usable_until_only': {
    async up(db: Kysely<unknown>) {
      // A slot's tokens are found by (slot, usable_until); one index fewer for every token issued.
      await db.schema.dropIndex('tokens_by_slot').execute();
    },
  },
};

/** The official sample category of get_category (docs/code-management.md §6). */
const DEFAULT_CATEGORIES = JSON.stringify([
  { first_class: '工具', second_class: '备忘录', first_id: 1, second_id: 2 },
]);

/** The largest time a JavaScript date can hold (Unix ms). */
const KEPT_FOREVER = 8_640_000_000_000_000;

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/**
 * What the emulator keeps beside WeChat's state: pushes waiting and delivered, a shared store's request
 * journal, and the error answers rid/get looks up. Emptied by a reset, never in a snapshot.
 */
export const logTables = ['push_outbox', 'push_log', 'request_journal', 'rids'] as const;

/** Snapshots kept in a shared store's database, where every instance finds them; a reset keeps them. */
export const snapshotShelf = 'snapshots';

/** Every table the emulator owns, in the order a reset empties them. */
export const stateTables = [
  'api_usage',
  'api_limits',
  'authorizer_options',
  'fault_rules',
  'gray_plans',
  'code_releases',
  'audits',
  'trial_versions',
  'templates',
  'template_drafts',
  'qrcode_rules',
  'qrcode_blacklist',
  'domain_pools',
  'server_domains',
  'webview_domains',
  'served_files',
  'hosts',
  'confirm_files',
  'links',
  'quota_counters',
  'stable_token_forces',
  'authorization_codes',
  'pre_auth_codes',
  'authorizations',
  'tokens',
  'verify_tickets',
  'accounts',
  'platforms',
  'meta',
] as const;

export { sql };
