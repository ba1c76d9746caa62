import { type Static, type TObject, type TSchema, Type } from '@sinclair/typebox';
import * as S from './schemas.js';

/**
 * The control plane under `/_wxlocal`, described once: the server routes and checks bodies from it, the typed
 * control client calls it, and the README's control-plane table is its `doc` (a test compares them).
 */
export interface ControlDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/_wxlocal`, with `:name` parameters. */
  path: string;
  /** Query parameters, all strings. */
  query?: TObject;
  /** The JSON body; one that does not match is refused with 400 naming the first problem. */
  body?: TSchema;
  response: TSchema;
  /** 200 unless said. */
  status?: 201;
  /** The README table's columns: the query it takes, what the body holds and what comes back. */
  doc: { query?: string; body?: string; returns: string };
}

function define<const D extends ControlDef>(def: D): D {
  return def;
}

const list = <K extends string, S extends TSchema>(key: K, item: S) =>
  Type.Object({ [key]: Type.Array(item) } as { [P in K]: ReturnType<typeof Type.Array<S>> });
const Limit = Type.Object({ limit: Type.Optional(Type.String()) });

export const controlRoutes = {
  index: define({
    method: 'GET',
    path: '/',
    response: Type.Object({
      wxlocal: Type.String(),
      routes: Type.Array(
        Type.Object({ call: Type.String(), body: Type.Optional(Type.String()), returns: Type.String() }),
      ),
    }),
    doc: {
      returns:
        '`{"wxlocal": version, "routes":[{call, body?, returns}]}`: the rows of this table (`body` for a route that takes one)',
    },
  }),
  health: define({
    method: 'GET',
    path: '/health',
    response: S.Health,
    doc: {
      returns:
        '`{"status":"ok","version","store","now"}`, `store` being `"sqlite"` or `"postgres"`; `"degraded"` with a `reason` once the data file is gone',
    },
  }),
  reset: define({
    method: 'POST',
    path: '/reset',
    response: S.Done,
    doc: { returns: 'wipes all state (the demo seed too) and puts the clock back to real time' },
  }),
  'platforms.list': define({
    method: 'GET',
    path: '/platforms',
    response: list('platforms', S.Platform),
    doc: { returns: '`{"platforms":[…]}`' },
  }),
  'platforms.create': define({
    method: 'POST',
    path: '/platforms',
    body: S.NewPlatform,
    response: S.Platform,
    status: 201,
    doc: {
      body: '`{appid?, secret?, name?, published?, auth_event_url?, message_token?, encoding_aes_key?, message_url?, audit_policy?, audit_quota?, privacy_scan_seconds?}` (`message_token`: 3–32 letters and digits; `encoding_aes_key`: 43 letters and digits; both generated when absent; `message_url`: where audit results are pushed, `$APPID$` replaced; `audit_policy`: `{"result":"pass"\\|"reject","after_seconds"}` decides each audit that long after its submission, `null` (the default) leaves audits to the reviewer; `audit_quota`: `{"limit":100,"speedup_limit":10}` a China-time month; `privacy_scan_seconds`: how long a commit\'s privacy scan runs, default 0)',
      returns:
        '201 `{appid, secret, name, published, test_accounts, ip_whitelist, auth_event_url, message_token, encoding_aes_key, message_url, audit_policy, audit_quota, privacy_scan_seconds, verify_ticket, verify_ticket_issued_at, verify_ticket_expires_at}`',
    },
  }),
  'platforms.get': define({
    method: 'GET',
    path: '/platforms/:appid',
    response: S.Platform,
    doc: { returns: 'the platform' },
  }),
  'platforms.patch': define({
    method: 'PATCH',
    path: '/platforms/:appid',
    body: S.PlatformChanges,
    response: S.Platform,
    doc: {
      body: '`{secret?, name?, published?, test_accounts?: [appid], ip_whitelist?: [ip]}` and the messaging and audit fields above; `test_accounts` is the authorization test list; a non-empty `ip_whitelist` makes component calls from other addresses answer 61004; `published: true` is a publish (全网发布): every time, the testing server- and jump-domain pools are copied to their published values',
      returns: 'the platform',
    },
  }),
  'platforms.quota': define({
    method: 'GET',
    path: '/platforms/:appid/quota',
    response: S.ApiQuota,
    doc: {
      returns:
        "`{appid, day, counters: [{cgi_path, daily_limit, used, remain, enforced}], clears: {used, limit}, api_clears: {used, limit}}`: every API counter of the component today (the day in +08:00) that has calls or a limit set, and this month's quota clears (`clear_quota` family, 10) and single-API clears (`openapi/quota/clear`, 50)",
    },
  }),
  'platforms.quota.patch': define({
    method: 'PATCH',
    path: '/platforms/:appid/quota',
    body: S.ApiQuotaChanges,
    response: S.ApiQuota,
    doc: {
      body: '`{cgi_path, daily_limit?: n\\|null, used?: n}` (a `daily_limit` is enforced; `null` goes back to the default), `clears_used?`, `api_clears_used?`',
      returns: 'the meter, as GET',
    },
  }),
  'platforms.ticket': define({
    method: 'GET',
    path: '/platforms/:appid/ticket',
    response: S.VerifyTicket,
    doc: { returns: '`{"verify_ticket","expires_at"}`: the current component_verify_ticket' },
  }),
  'platforms.domains': define({
    method: 'GET',
    path: '/platforms/:appid/domains',
    response: S.DomainPools,
    doc: {
      returns:
        'the component\'s two domain pools: `{"server": {testing, published}, "jump": {testing, published}}`, host lists as `modify_wxa_server_domain` and `modify_wxa_jump_domain` keep them; `published` is `null` while the platform was never published',
    },
  }),
  'platforms.preAuthCode': define({
    method: 'POST',
    path: '/platforms/:appid/pre-auth-codes',
    response: S.IssuedPreAuthCode,
    status: 201,
    doc: {
      returns:
        '201 `{pre_auth_code, expires_in, authorization_url}`: a pre_auth_code as `api_create_preauthcode` issues it, and the path of the authorization page that spends it, which leads back to the console (`redirect_uri` `/_wxlocal/ui/#/platforms/:appid`)',
    },
  }),
  'accounts.list': define({
    method: 'GET',
    path: '/accounts',
    response: list('accounts', S.Account),
    doc: { returns: '`{"accounts":[…]}`' },
  }),
  'accounts.create': define({
    method: 'POST',
    path: '/accounts',
    body: S.NewAccount,
    response: S.Account,
    status: 201,
    doc: {
      body: '`{type: "miniprogram"\\|"official_account", appid?, secret?, original_id?: "gh_" + 12 hex (generated; `user_name` in api_get_authorizer_info), nickname?, principal_name?, personal?, overseas?, service_type?: "service"\\|"subscription", verified?, admin_email?, categories?: [{first_class, first_id, second_class, second_id, third_class?, third_id?}] (get_category; default one: 工具 › 备忘录), init_completed?: true (false: submit_audit and grayrelease answer 86002), permitted_privacy_apis?: ["getLocation", …] (`null`, the default: all eight)}` and any flag below',
      returns: '201 the account, with its secret',
    },
  }),
  'accounts.get': define({
    method: 'GET',
    path: '/accounts/:appid',
    response: S.Account,
    doc: { returns: 'the account' },
  }),
  'accounts.patch': define({
    method: 'PATCH',
    path: '/accounts/:appid',
    body: S.AccountChanges,
    response: S.Account,
    doc: {
      body: 'any account field above but `appid`/`type`, `admin_email`, `ip_whitelist: [ip]` (non-empty: `/cgi-bin/token` and `stable_token` from other addresses answer 40164), and the flags below',
      returns: 'the account',
    },
  }),
  'accounts.quota': define({
    method: 'GET',
    path: '/accounts/:appid/quota',
    response: S.ApiQuota,
    doc: {
      returns:
        "`{appid, day, counters: [{cgi_path, daily_limit, used, remain, enforced}], clears: {used, limit}, api_clears: {used, limit}}`: every API counter of the account today (the day in +08:00) that has calls or a limit set, and this month's quota clears (`clear_quota` family, 10) and single-API clears (`openapi/quota/clear`, 50)",
    },
  }),
  'accounts.quota.patch': define({
    method: 'PATCH',
    path: '/accounts/:appid/quota',
    body: S.ApiQuotaChanges,
    response: S.ApiQuota,
    doc: {
      body: '`{cgi_path, daily_limit?: n\\|null, used?: n}` (a `daily_limit` is enforced; `null` goes back to the default), `clears_used?`, `api_clears_used?`',
      returns: 'the meter, as GET',
    },
  }),
  'accounts.release': define({
    method: 'POST',
    path: '/accounts/:appid/release',
    response: S.Account,
    doc: {
      returns:
        'a code release of the Mini Program without the pipeline: sets `code_released` and puts its domains in force, as `/wxa/release` does',
    },
  }),
  'accounts.audit': define({
    method: 'POST',
    path: '/accounts/:appid/audit',
    body: S.AuditDecision,
    response: S.AuditOutcome,
    doc: {
      body: '`{result: "pass"\\|"reject"\\|"delay", reason?, screenshot?: "id1\\|id2"}`',
      returns:
        'the reviewer decides the pending audit: `{auditid, status, reason, screenshot}`, and the audit-result event is pushed to the message URL; 409 when no audit is pending',
    },
  }),
  'accounts.code': define({
    method: 'GET',
    path: '/accounts/:appid/code',
    response: S.CodeState,
    doc: {
      returns:
        "the Mini Program's code: `{trial, audits, online, history, gray_plan, visit_status}` (times in Unix seconds)",
    },
  }),
  'platforms.drafts.create': define({
    method: 'POST',
    path: '/platforms/:appid/drafts',
    body: S.NewDraft,
    response: S.Draft,
    status: 201,
    doc: {
      body: '`{user_version, user_desc?, pages: ["pages/index", …], subpackages?: [{root, pages}], tabbar_pages?, privacy_apis?: ["wx.getLocation", …], size_kb?: 1024, source_miniprogram_appid?, source_miniprogram?, developer?}`',
      returns: "201 `{draft_id, create_time}`: a DevTools upload to the platform's draft box",
    },
  }),
  'authorizations.list': define({
    method: 'GET',
    path: '/authorizations',
    response: list('authorizations', S.Authorization),
    doc: {
      returns:
        '`{"authorizations":[{component_appid, authorizer_appid, status, func_info, authorizer_refresh_token, authorizer_access_token, authorizer_access_token_expires_at, authorized_at, updated_at}]}`: `authorizer_access_token` is the newest one still valid, `null` once it expired or the authorization was revoked',
    },
  }),
  'authorizations.create': define({
    method: 'POST',
    path: '/authorizations',
    body: S.NewAuthorization,
    response: S.Granted,
    status: 201,
    doc: {
      body: '`{component_appid, authorizer_appid, func_info: [set ids]}`',
      returns:
        '201 `{authorization_code, authorization_code_expires_at, authorizer_access_token, authorizer_refresh_token, expires_in, func_info}`; authorizing again re-authorizes (new sets, new refresh token)',
    },
  }),
  'authorizations.revoke': define({
    method: 'DELETE',
    path: '/authorizations/:component_appid/:authorizer_appid',
    response: S.Authorization,
    doc: {
      returns:
        "the admin revokes: refresh token and authorization codes dead at once, the account's tokens answer 61003 (40001 once it authorizes again), `unauthorized` pushed; 409 if already revoked",
    },
  }),
  'links.list': define({
    method: 'GET',
    path: '/links',
    response: list('links', S.Link),
    doc: {
      returns:
        '`{"links":[{official_account, miniprogram, status, origin, notify_users, show_profile, unlink_pending, created_at, updated_at}]}`',
    },
  }),
  'links.respond': define({
    method: 'POST',
    path: '/links/respond',
    body: S.LinkAnswer,
    response: Type.Union([S.Link, S.RemovedLink]),
    doc: {
      body: '`{official_account, miniprogram, admin: "official_account"\\|"miniprogram", accept: bool}`',
      returns:
        'an admin answers the invitation or unlink request awaiting them; the link, or `{…, "status": null, "removed": true}`; 409 when nothing awaits that admin',
    },
  }),
  'links.console': define({
    method: 'POST',
    path: '/links/console',
    body: S.ConsoleLink,
    response: S.Link,
    status: 201,
    doc: {
      body: '`{official_account, miniprogram, show_profile?}`',
      returns: '201: the OA admin starts a link on the WeChat admin console (status 2, origin `console`)',
    },
  }),
  'webviewDomains.get': define({
    method: 'GET',
    path: '/accounts/:appid/webviewdomain',
    response: S.WebviewDomains,
    doc: {
      returns: "the Mini Program's four business-domain lists, as `get_effective_webviewdomain` names them",
    },
  }),
  'webviewDomains.set': define({
    method: 'PUT',
    path: '/accounts/:appid/webviewdomain',
    body: S.MpWebviewDomains,
    response: S.WebviewDomains,
    doc: {
      body: '`{"mp_webviewdomain": ["https://host", …]}`',
      returns: "the MP admin's own business domains (set on the console before the component took over)",
    },
  }),
  'serverDomains.get': define({
    method: 'GET',
    path: '/accounts/:appid/server-domains',
    response: S.ServerDomains,
    doc: {
      returns:
        "the Mini Program's four server-domain sets, as `get_effective_domain` names them: `{mp_domain, third_domain, direct_domain, effective_domain}`",
    },
  }),
  'serverDomains.set': define({
    method: 'PUT',
    path: '/accounts/:appid/server-domains',
    body: S.MpServerDomains,
    response: S.ServerDomains,
    doc: {
      body: '`{"mp_domain": {"requestdomain": ["https://host"], …}}` (a missing kind is empty)',
      returns:
        "the MP admin's own server domains (set on the console before the component took over); 400 for a malformed entry or `api.weixin.qq.com`",
    },
  }),
  'confirmFiles.list': define({
    method: 'GET',
    path: '/confirm-files',
    response: list('confirm_files', Type.Object({ url: Type.String(), content: Type.String() })),
    doc: { returns: '`{"confirm_files":[{url, content}]}`' },
  }),
  'confirmFiles.add': define({
    method: 'POST',
    path: '/confirm-files',
    body: S.ServedFile,
    response: Type.Object({ url: Type.String(), content: Type.String() }),
    status: 201,
    doc: {
      body: '`{url, content}`',
      returns:
        '201: the web now serves `content` at `url`, which is what WeChat fetches when it verifies a domain',
    },
  }),
  'confirmFiles.remove': define({
    method: 'DELETE',
    path: '/confirm-files',
    query: Type.Object({ url: Type.String() }),
    response: Type.Object({ url: Type.String(), removed: Type.Literal(true) }),
    doc: { query: '?url=…', returns: 'stops serving it' },
  }),
  'hosts.list': define({
    method: 'GET',
    path: '/hosts',
    response: list('hosts', S.Host),
    doc: { returns: '`{"hosts":[{host, icp_filed}]}`' },
  }),
  'hosts.set': define({
    method: 'PATCH',
    path: '/hosts/:host',
    body: S.IcpFiling,
    response: S.Host,
    doc: {
      body: '`{"icp_filed": bool}`',
      returns: "a host's ICP filing (every host is filed unless set false here)",
    },
  }),
  'blacklist.list': define({
    method: 'GET',
    path: '/qrcode/blacklist',
    response: Type.Object({ blacklist: Type.Array(Type.String()) }),
    doc: { returns: '`{"blacklist":[entry]}`' },
  }),
  'blacklist.add': define({
    method: 'POST',
    path: '/qrcode/blacklist',
    body: S.BlacklistEntry,
    response: Type.Object({ entry: Type.String() }),
    status: 201,
    doc: {
      body: '`{"entry": host or URL prefix}`',
      returns: '201: QR-code prefixes on that host, or starting with that prefix, answer 85070',
    },
  }),
  'blacklist.remove': define({
    method: 'DELETE',
    path: '/qrcode/blacklist',
    query: Type.Object({ entry: Type.String() }),
    response: Type.Object({ entry: Type.String(), removed: Type.Literal(true) }),
    doc: { query: '?entry=…', returns: 'lifts it' },
  }),
  'qrcode.resolve': define({
    method: 'GET',
    path: '/qrcode/resolve',
    query: Type.Object({ url: Type.String(), viewer: Type.Optional(Type.String()) }),
    response: S.Scan,
    doc: {
      query: '?url=…&viewer=developer\\|admin\\|tester\\|user',
      returns:
        'what a WeChat scan of `url` opens: `{"opens":true,"appid","path","version":"develop"\\|"trial"\\|"release","rule","via":"rule"\\|"debug_url"}` or `{"opens":false,"reason","rule"?}`',
    },
  }),
  'qrcode.rules': define({
    method: 'GET',
    path: '/accounts/:appid/qrcode-rules',
    response: S.QrcodeRules,
    doc: {
      returns:
        'the account\'s QR-code jump rules in `qrcodejumpget` order: `{"rules":[{prefix, state, mode, permit_sub_rule, path, open_version, debug_url, target_appid, created_at, published_at}], "publishes_left"}` (`state` 1 unpublished, 2 published; `mode` `"service"` for an Official Account\'s rules, which open `target_appid`; publishes left this China-time month, of 100)',
    },
  }),
  'pushes.list': define({
    method: 'GET',
    path: '/pushes',
    query: Limit,
    response: list('pushes', S.Push),
    doc: {
      query: '?limit=N',
      returns:
        '`{"pushes":[{time, platform, info_type, url, status, answer, outcome, xml, attempt}]}`, newest first (last 500)',
    },
  }),
  'faults.list': define({
    method: 'GET',
    path: '/faults',
    response: list('faults', S.Fault),
    doc: {
      returns:
        '`{"faults":[{id, endpoint, appid, errcode, status, network, hang_ms, latency_ms, after_commit, probability, seed, count, fired, remaining, created_at}]}`, in the order they were added',
    },
  }),
  'faults.inject': define({
    method: 'POST',
    path: '/faults',
    body: S.NewFault,
    response: S.Fault,
    status: 201,
    doc: {
      body: '`{endpoint?: interface name, path, the path\'s last part or "*", appid?, errcode?, status?: 500–599, network?: "reset"\\|"malformed"\\|"hang", hang_ms?, latency_ms?: n \\| {min, max}, after_commit?: bool, probability?: (0, 1], seed?, count?: n \\| null}`: one effect at most, or only a latency (see "Fault injection")',
      returns:
        '201 the stored rule, its `seed` chosen when absent; 400 naming the field when the endpoint, errcode, status, probability or latency is out of range, two effects are given, or `after_commit` has no effect',
    },
  }),
  'faults.clear': define({
    method: 'DELETE',
    path: '/faults',
    query: Type.Object({ endpoint: Type.Optional(Type.String()) }),
    response: list('faults', S.Fault),
    doc: {
      query: '?endpoint=…',
      returns:
        '`{"faults":[…]}`, the rules left: removes the rules of `endpoint` (interface name or path), without it all of them (so does reset)',
    },
  }),
  'faults.remove': define({
    method: 'DELETE',
    path: '/faults/:id',
    response: S.Fault,
    doc: { returns: 'the rule removed; 404 for an unknown id' },
  }),
  'clock.now': define({
    method: 'GET',
    path: '/clock',
    response: S.Now,
    doc: { returns: '`{"now"}` (Unix seconds, emulated)' },
  }),
  'clock.move': define({
    method: 'POST',
    path: '/clock',
    body: S.ClockMove,
    response: S.Now,
    doc: {
      body: '`{"advance": seconds}` (negative moves back) or `{"set": unix_seconds}`; the emulated time stays between 946684800 (2000-01-01) and 4102444799 (2099-12-31), a move outside answers 400',
      returns: '`{"now"}`',
    },
  }),
  'requests.list': define({
    method: 'GET',
    path: '/requests',
    query: Type.Object({
      limit: Type.Optional(Type.String()),
      appid: Type.Optional(Type.String()),
      endpoint: Type.Optional(Type.String()),
      errcode: Type.Optional(Type.String()),
      rid: Type.Optional(Type.String()),
    }),
    response: list('requests', S.JournalEntry),
    doc: {
      query: '?limit=N&appid=…&endpoint=…&errcode=…&rid=…',
      returns:
        '`{"requests":[{time, method, path, endpoint, appid, errcode, rid, fault?}]}`, newest first (last 1000 calls); `fault` `{id, after_commit, latency_ms?, errcode?, status?, network?}` on a call a fault rule fired on (see "Fault injection"); only the calls of that `appid`, interface name (`endpoint`) and `errcode`, whose rid contains `rid`, when given',
    },
  }),
  'requests.get': define({
    method: 'GET',
    path: '/requests/:rid',
    response: S.JournalCall,
    doc: {
      returns:
        'the call with `"request": {"query", "body"}` (the body as text, its first 16 KB) and the JSON `"answer"` it got (`null` for an image); the value of any field or query parameter whose name contains `token`, `secret`, `ticket` or `authorization_code` shows its first 6 characters and `…`; 404 for an unknown rid',
    },
  }),
  events: define({
    method: 'GET',
    path: '/events',
    response: S.ControlEvent,
    doc: {
      returns:
        'Server-Sent Events: `call` (a request-log entry), `push` (a push-log entry), `state` `{"cause"}` (the route or interface that changed the state), `clock` `{"now"}`, `reset`; a `: ping` comment every 15 s; at most 32 subscribers (503 beyond), one 256 KB behind is disconnected',
    },
  }),
  'snapshots.take': define({
    method: 'POST',
    path: '/snapshots',
    response: S.Snapshot,
    status: 201,
    doc: { returns: '201 `{id, created_at}`: the whole state (every table and the clock) kept in memory' },
  }),
  'snapshots.list': define({
    method: 'GET',
    path: '/snapshots',
    response: list('snapshots', S.Snapshot),
    doc: { returns: '`{"snapshots":[{id, created_at}]}`' },
  }),
  'snapshots.restore': define({
    method: 'POST',
    path: '/snapshots/:id/restore',
    response: Type.Object({ id: Type.String(), restored: Type.Literal(true), now: Type.Integer() }),
    doc: {
      returns:
        'puts the state back as it was when taken: tokens, codes, quotas, links, domains, QR rules, the clock (the request and push logs stay); 404 for an unknown id',
    },
  }),
  'snapshots.drop': define({
    method: 'DELETE',
    path: '/snapshots/:id',
    response: Type.Object({ id: Type.String(), removed: Type.Literal(true) }),
    doc: { returns: 'forgets it' },
  }),
  'state.export': define({
    method: 'GET',
    path: '/state',
    response: S.StateDocument,
    doc: {
      returns:
        '`{"format":"wxlocal-state","version":1,"clock_offset_ms","tables":{…}}`: the whole state as one document',
    },
  }),
  'state.import': define({
    method: 'PUT',
    path: '/state',
    body: S.StateDocument,
    response: S.Done,
    doc: {
      body: 'a document from `GET /_wxlocal/state`',
      returns:
        'replaces the whole state with it; 400 with a message when its format, version or tables are wrong (nothing changes then)',
    },
  }),
};

export type ControlRoutes = typeof controlRoutes;
export type ControlName = keyof ControlRoutes;
type BodyOf<D> = D extends { body: infer B extends TSchema } ? Static<B> : undefined;
type QueryOf<D> = D extends { query: infer Q extends TSchema } ? Static<Q> : undefined;
export type ControlBodyOf<N extends ControlName> = BodyOf<ControlRoutes[N]>;
export type ControlQueryOf<N extends ControlName> = QueryOf<ControlRoutes[N]>;
export type ControlResponseOf<N extends ControlName> = Static<ControlRoutes[N]['response']>;
export const controlRouteList = Object.entries(controlRoutes) as [ControlName, ControlDef][];
