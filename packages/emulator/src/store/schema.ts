import type { Generated, Selectable } from 'kysely';

/** Table shapes. Times are Unix milliseconds on the emulator clock; booleans are 0/1; lists are JSON text. */
export interface Database extends CodeTables {
  meta: { key: string; value: string };
  platforms: {
    appid: string;
    secret: string;
    name: string;
    published: number;
    test_accounts: string;
    ip_whitelist: string;
    auth_event_url: string | null;
    message_token: string;
    encoding_aes_key: string;
    last_pushed_ticket: string | null;
    created_at: number;
    /** 消息与事件接收 URL: audit results are pushed there, `$APPID$` replaced (docs/code-management.md §8). */
    message_url: string | null;
    /** `{"result":"pass"|"reject","after_seconds":N}` as JSON, or null: audits wait for the reviewer. */
    audit_policy: string | null;
    /** Audit submissions and speed-ups a China-time month, shared by the platform's Mini Programs. */
    audit_limit: number;
    speedup_limit: number;
    privacy_scan_seconds: number;
  };
  accounts: {
    appid: string;
    secret: string;
    type: 'miniprogram' | 'official_account';
    nickname: string;
    principal_name: string;
    user_name: string;
    personal: number;
    overseas: number;
    service_type: 'service' | 'subscription' | null;
    verified: number;
    flags: string;
    admin_email: string;
    ip_whitelist: string;
    search_status: Generated<number>;
    created_at: number;
    /** `[{first_class, first_id, second_class, second_id, third_class?, third_id?}]` as JSON. */
    categories: string;
    /** Nickname, avatar and introduction set (86002 otherwise). */
    init_completed: number;
    /** Privacy API names (without `wx.`) as JSON, or null: every one is permitted. */
    permitted_privacy_apis: string | null;
    visit_status: 'open' | 'close';
  };
  verify_tickets: { ticket: string; component_appid: string; issued_at: number; expires_at: number };
  tokens: {
    token: string;
    kind: 'component' | 'authorizer' | 'access' | 'stable';
    appid: string;
    component_appid: string | null;
    slot: string;
    issued_at: number;
    expires_at: number;
    usable_until: number | null;
  };
  authorizations: {
    component_appid: string;
    authorizer_appid: string;
    status: 'active' | 'revoked';
    func_info: string;
    refresh_token: string;
    previous_refresh_token: string | null;
    previous_refresh_token_until: number | null;
    authorized_at: number;
    updated_at: number;
    /** 1 once api_query_auth gave the component the refresh token. */
    redeemed: number;
  };
  pre_auth_codes: { code: string; component_appid: string; expires_at: number; used_at: number | null };
  authorization_codes: {
    code: string;
    component_appid: string;
    authorizer_appid: string;
    expires_at: number;
  };
  /** A quota's use in one period; `expires_at` is the period's end, when the row may go. */
  quota_counters: { key: string; count: number; expires_at: number };
  /** An account's (or component's) calls of one API on one day in +08:00 (docs/quota.md §1). */
  api_usage: { appid: string; cgi_path: string; day: string; used: number; expires_at: number };
  /** A daily limit the operator set for one API of one account: enforced. */
  api_limits: { appid: string; cgi_path: string; daily_limit: number };
  /** An error answer, as rid/get returns it (docs/quota.md §4); `owner` the account whose call it was. */
  rids: {
    rid: string;
    owner: string | null;
    invoke_time: number;
    cost_in_ms: number;
    request_url: string;
    request_body: string;
    response_body: string;
    client_ip: string;
  };
  /** An authorized account's option, as its component set it (docs/quota.md §5.2). */
  authorizer_options: { appid: string; option_name: string; option_value: string };
  /** When an account last forced a stable-token refresh (the 30 s spacing of docs/tokens.md §5.9). */
  stable_token_forces: { appid: string; forced_at: number };
  /** A component's pool of server (`server`) or jump (`jump`) domains: testing and published host lists. */
  domain_pools: { component_appid: string; pool: 'server' | 'jump'; testing: string; published: string };
  /** A Mini Program's four sets of server domains; `effective` is null until the first release (= `mp`). */
  server_domains: { appid: string; mp: string; third: string; direct: string; effective: string | null };
  served_files: { url: string; content: string };
  qrcode_rules: {
    owner: string;
    prefix: string;
    seq: number;
    mode: 'ordinary' | 'service';
    permit_sub_rule: number;
    path: string;
    open_version: number;
    debug_url: string;
    target_appid: string | null;
    state: number;
    created_at: number;
    published_at: number | null;
  };
  qrcode_blacklist: { entry: string };
  webview_domains: { appid: string; mp: string; third: string; direct: string; effective: string };
  hosts: { host: string; icp_filed: number };
  confirm_files: { owner: string; file_name: string; file_content: string };
  links: {
    official_account: string;
    miniprogram: string;
    status: number;
    origin: 'api' | 'console';
    notify_users: number;
    show_profile: number;
    unlink_pending: number;
    created_at: number;
    updated_at: number;
  };
  /**
   * Armed fault rules, checked in `seq` order (docs/faults.md). `latency_ms` is the JSON of a number or
   * `{min, max}`; `draws`: how many of the rule's random draws were made, so that the next one is known.
   */
  fault_rules: {
    id: string;
    seq: number;
    endpoint: string;
    appid: string | null;
    errcode: number | null;
    status: number | null;
    network: 'reset' | 'malformed' | 'hang' | null;
    hang_ms: number | null;
    latency_ms: string | null;
    after_commit: number;
    probability: number;
    seed: number;
    draws: number;
    count: number | null;
    fired: number;
    created_at: number;
  };
  /**
   * Pushes committed and not yet delivered (docs/shared-mode.md §4), each platform's in `seq` order.
   * `fields`: the message as JSON; `claimed_until`: real Unix ms until which the instance delivering it holds it.
   */
  push_outbox: {
    seq: number;
    component_appid: string;
    authorizer_appid: string | null;
    fields: string;
    claimed_until: number | null;
    attempts: number;
  };
  /** Deliveries as `GET /_wxlocal/pushes` shows them, the last 500; `record` is the JSON of one. */
  push_log: { seq: number; record: string };
  /** A shared store's request journal (docs/shared-mode.md §5): `record` is the JSON of one call. */
  request_journal: {
    seq: number;
    rid: string;
    appid: string | null;
    endpoint: string;
    errcode: number;
    record: string;
    /** Real time (Unix ms) the call was answered: the order calls are listed in. */
    answered_ms: number;
  };
  /** Snapshots of a shared store (docs/shared-mode.md §5); `tables`: the JSON of every table's rows. */
  snapshots: { id: string; created_at: number; clock_offset_ms: number; tables: string };
}

/** What a developer uploads (a draft) and what a template copies of it (docs/code-management.md §3). */
interface UploadedCode {
  component_appid: string;
  user_version: string;
  user_desc: string;
  /** JSON lists: main pages; `[{root, pages}]`; tab-bar pages; privacy APIs with their `wx.` prefix. */
  pages: string;
  subpackages: string;
  tabbar_pages: string;
  privacy_apis: string;
  size_kb: number;
  source_miniprogram_appid: string;
  source_miniprogram: string;
  developer: string;
  create_time: number;
}

export interface CodeTables {
  template_drafts: UploadedCode & { draft_id: number };
  /** `deleted` rows keep their id from being reused. */
  templates: UploadedCode & { template_id: number; draft_id: number; template_type: number; deleted: number };
  /** A Mini Program's last commit: the resulting app (pages, sub-packages, tab bar as JSON lists). */
  trial_versions: {
    appid: string;
    component_appid: string;
    template_id: number;
    template_type: number;
    ext_json: string;
    pages: string;
    subpackages: string;
    tabbar_pages: string;
    /** `requiredPrivateInfos` of the resulting app, and the template's privacy APIs (`wx.` names). */
    declared_privacy_apis: string;
    template_privacy_apis: string;
    user_version: string;
    user_desc: string;
    commit_time: number;
    app_version: number;
  };
  /** An audit with the snapshot of the trial it was submitted with; `due_*`: the audit policy's decision. */
  audits: {
    auditid: number;
    appid: string;
    component_appid: string;
    status: number;
    reason: string;
    screenshot: string;
    user_version: string;
    user_desc: string;
    app_version: number;
    commit_time: number;
    submit_audit_time: number;
    decided_at: number | null;
    sped_up: number;
    released: number;
    due_at: number | null;
    due_result: 'pass' | 'reject' | null;
  };
  /** Each release or rollback in order (`seq`); the last one is online. */
  code_releases: {
    appid: string;
    seq: number;
    app_version: number;
    user_version: string;
    user_desc: string;
    commit_time: number;
    release_time: number;
    is_rollback: number;
  };
  gray_plans: {
    appid: string;
    status: number;
    create_timestamp: number;
    gray_percentage: number;
    support_debuger_first: number;
    support_experiencer_first: number;
  };
}

export type PlatformRow = Selectable<Database['platforms']>;
export type AccountRow = Selectable<Database['accounts']>;
export type AuthorizationRow = Selectable<Database['authorizations']>;
export type TokenRow = Selectable<Database['tokens']>;
export type DraftRow = Selectable<Database['template_drafts']>;
export type TemplateRow = Selectable<Database['templates']>;
export type TrialRow = Selectable<Database['trial_versions']>;
export type AuditRow = Selectable<Database['audits']>;
export type ReleaseRow = Selectable<Database['code_releases']>;
export type GrayPlanRow = Selectable<Database['gray_plans']>;
export type FaultRuleRow = Selectable<Database['fault_rules']>;
export type OutboxRow = Selectable<Database['push_outbox']>;
export type RidRow = Selectable<Database['rids']>;
