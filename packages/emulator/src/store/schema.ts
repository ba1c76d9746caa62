import type { Generated, Selectable } from 'kysely';

/** Table shapes. Times are Unix milliseconds on the emulator clock; booleans are 0/1; lists are JSON text. */
export interface Database {
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
}

export type PlatformRow = Selectable<Database['platforms']>;
export type AccountRow = Selectable<Database['accounts']>;
export type AuthorizationRow = Selectable<Database['authorizations']>;
export type TokenRow = Selectable<Database['tokens']>;
