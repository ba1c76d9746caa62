import { type TSchema, Type } from '@sinclair/typebox';

/**
 * The shapes of the control plane's bodies and answers. A body names only known fields; answers are described
 * as wxlocal sends them.
 */
const closed = { additionalProperties: false };
const Nullable = <S extends TSchema>(schema: S) => Type.Union([schema, Type.Null()]);

export const Appid = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Secret = Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const IpList = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 1000 });
const UnixSeconds = Type.Integer();
/** A page path as a Mini Program names it: no leading "/". */
const PagePath = Type.String({ pattern: '^[^/\\s][^\\s]*$', maxLength: 256 });

/** Switches set by WeChat or an admin, with their defaults (README "Account flags"). */
export const accountFlagDefaults = {
  search_banned: false,
  banned: false,
  code_released: false,
  secret_frozen: false,
  allow_oa_link: true,
  nearby_display: false,
  is_store_or_mall: false,
  pay_enabled: false,
  bound_account_limit_reached: false,
  phone_bound_limit_reached: false,
  phone_blacklisted: false,
  qrcodejump_open: true,
};
export type AccountFlag = keyof typeof accountFlagDefaults;

const flagFields = <F>(field: F) =>
  Object.fromEntries(Object.keys(accountFlagDefaults).map((name) => [name, field])) as Record<AccountFlag, F>;

/** A platform's messaging settings: where pushes go and the keys that sign and encrypt them. */
const MessagingFields = {
  auth_event_url: Type.Optional(Nullable(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }))),
  message_token: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{3,32}$' })),
  encoding_aes_key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{43}$' })),
};

const AuditPolicy = Type.Object(
  {
    result: Type.Union([Type.Literal('pass'), Type.Literal('reject')]),
    after_seconds: Type.Integer({ minimum: 0, maximum: 315_360_000 }),
  },
  closed,
);
const AuditQuota = Type.Object(
  {
    limit: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    speedup_limit: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  closed,
);

/** How the platform's code is audited (docs/code-management.md §13). */
const CodeFields = {
  message_url: Type.Optional(Nullable(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2048 }))),
  audit_policy: Type.Optional(Nullable(AuditPolicy)),
  audit_quota: Type.Optional(AuditQuota),
  privacy_scan_seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 315_360_000 })),
};

export const NewPlatform = Type.Object(
  {
    appid: Type.Optional(Appid),
    secret: Type.Optional(Secret),
    name: Type.Optional(Name),
    published: Type.Optional(Type.Boolean()),
    ...MessagingFields,
    ...CodeFields,
  },
  closed,
);

export const PlatformChanges = Type.Object(
  {
    secret: Type.Optional(Secret),
    name: Type.Optional(Name),
    published: Type.Optional(Type.Boolean()),
    test_accounts: Type.Optional(Type.Array(Appid, { maxItems: 1000 })),
    ip_whitelist: Type.Optional(IpList),
    ...MessagingFields,
    ...CodeFields,
  },
  closed,
);

export const Platform = Type.Object({
  appid: Type.String(),
  secret: Type.String(),
  name: Type.String(),
  published: Type.Boolean(),
  test_accounts: Type.Array(Type.String()),
  ip_whitelist: Type.Array(Type.String()),
  auth_event_url: Nullable(Type.String()),
  message_token: Type.String(),
  encoding_aes_key: Type.String(),
  message_url: Nullable(Type.String()),
  audit_policy: Nullable(AuditPolicy),
  audit_quota: AuditQuota,
  privacy_scan_seconds: Type.Integer(),
  verify_ticket: Type.String(),
  verify_ticket_issued_at: UnixSeconds,
  verify_ticket_expires_at: UnixSeconds,
});

/** A component's two domain pools (modify_thirdparty_server_domain, modify_thirdparty_jump_domain). */
const DomainPool = Type.Object({
  testing: Type.Array(Type.String()),
  /** null while the platform was never published. */
  published: Nullable(Type.Array(Type.String())),
});
export const DomainPools = Type.Object({ server: DomainPool, jump: DomainPool });

export const IssuedPreAuthCode = Type.Object({
  pre_auth_code: Type.String(),
  expires_in: Type.Integer(),
  /** The authorization page's path and query, on wxlocal's own address. */
  authorization_url: Type.String(),
});

export const VerifyTicket = Type.Object({ verify_ticket: Type.String(), expires_at: UnixSeconds });

const AccountType = Type.Union([Type.Literal('miniprogram'), Type.Literal('official_account')]);
const ServiceType = Type.Union([Type.Literal('service'), Type.Literal('subscription')]);

const CategoryName = Type.String({ minLength: 1, maxLength: 64 });
const CategoryId = Type.Integer({ minimum: 0 });
/** A category of a Mini Program, as get_category lists it (docs/code-management.md §6). */
export const Category = Type.Object(
  {
    first_class: CategoryName,
    first_id: CategoryId,
    second_class: CategoryName,
    second_id: CategoryId,
    third_class: Type.Optional(CategoryName),
    third_id: Type.Optional(CategoryId),
  },
  closed,
);

/** The privacy APIs a Mini Program may declare in `requiredPrivateInfos` (docs/code-management.md §4.1). */
export const privacyApiNames = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const;
const PrivacyApi = Type.Union(
  privacyApiNames.flatMap((name) => [Type.Literal(name), Type.Literal(`wx.${name}`)]),
);

const AccountFields = {
  secret: Type.Optional(Secret),
  nickname: Type.Optional(Name),
  principal_name: Type.Optional(Name),
  personal: Type.Optional(Type.Boolean()),
  overseas: Type.Optional(Type.Boolean()),
  service_type: Type.Optional(ServiceType),
  verified: Type.Optional(Type.Boolean()),
  admin_email: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  ...flagFields(Type.Optional(Type.Boolean())),
  categories: Type.Optional(Type.Array(Category, { maxItems: 100 })),
  init_completed: Type.Optional(Type.Boolean()),
  permitted_privacy_apis: Type.Optional(Nullable(Type.Array(PrivacyApi, { maxItems: 8 }))),
};

export const NewAccount = Type.Object(
  {
    appid: Type.Optional(Appid),
    type: AccountType,
    original_id: Type.Optional(Type.String({ pattern: '^gh_[0-9a-f]{12}$' })),
    ...AccountFields,
  },
  closed,
);

export const AccountChanges = Type.Object({ ...AccountFields, ip_whitelist: Type.Optional(IpList) }, closed);

export const Account = Type.Object({
  appid: Type.String(),
  secret: Type.String(),
  type: AccountType,
  nickname: Type.String(),
  principal_name: Type.String(),
  user_name: Type.String(),
  personal: Type.Boolean(),
  overseas: Type.Boolean(),
  service_type: Nullable(ServiceType),
  verified: Type.Boolean(),
  admin_email: Type.String(),
  ...flagFields(Type.Boolean()),
  ip_whitelist: Type.Array(Type.String()),
  search_status: Type.Integer(),
  categories: Type.Array(Category),
  init_completed: Type.Boolean(),
  permitted_privacy_apis: Nullable(Type.Array(Type.String())),
  visit_status: Type.Union([Type.Literal('open'), Type.Literal('close')]),
});

/** A DevTools upload (docs/code-management.md §13). */
export const NewDraft = Type.Object(
  {
    user_version: Type.String({ minLength: 1, maxLength: 64 }),
    user_desc: Type.Optional(Type.String({ maxLength: 1000 })),
    pages: Type.Array(PagePath, { minItems: 1, maxItems: 1000 }),
    subpackages: Type.Optional(
      Type.Array(Type.Object({ root: PagePath, pages: Type.Array(PagePath, { maxItems: 1000 }) }, closed), {
        maxItems: 100,
      }),
    ),
    tabbar_pages: Type.Optional(Type.Array(PagePath, { maxItems: 5 })),
    privacy_apis: Type.Optional(Type.Array(PrivacyApi, { maxItems: 8 })),
    size_kb: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    source_miniprogram_appid: Type.Optional(Type.String({ maxLength: 64 })),
    source_miniprogram: Type.Optional(Type.String({ maxLength: 120 })),
    developer: Type.Optional(Type.String({ maxLength: 120 })),
  },
  closed,
);
export const Draft = Type.Object({ draft_id: Type.Integer(), create_time: UnixSeconds });

/** The reviewer's decision on the pending audit. */
export const AuditDecision = Type.Object(
  {
    result: Type.Union([Type.Literal('pass'), Type.Literal('reject'), Type.Literal('delay')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    screenshot: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  closed,
);
export const AuditOutcome = Type.Object({
  auditid: Type.Integer(),
  status: Type.Integer(),
  reason: Type.String(),
  screenshot: Type.String(),
});

/** A Mini Program's code state, for debugging (`GET /_wxlocal/accounts/:appid/code`). */
export const CodeState = Type.Object({
  trial: Nullable(
    Type.Object({
      app_version: Type.Integer(),
      template_id: Type.Integer(),
      user_version: Type.String(),
      user_desc: Type.String(),
      commit_time: UnixSeconds,
      ext_json: Type.String(),
      pages: Type.Array(Type.String()),
      subpackages: Type.Array(Type.Object({ root: Type.String(), pages: Type.Array(Type.String()) })),
      tabbar_pages: Type.Array(Type.String()),
      required_private_infos: Type.Array(Type.String()),
      privacy_scan_done: Type.Boolean(),
    }),
  ),
  audits: Type.Array(
    Type.Object({
      auditid: Type.Integer(),
      status: Type.Integer(),
      reason: Type.String(),
      screenshot: Type.String(),
      app_version: Type.Integer(),
      user_version: Type.String(),
      user_desc: Type.String(),
      submit_audit_time: UnixSeconds,
      sped_up: Type.Boolean(),
      released: Type.Boolean(),
      due_at: Nullable(UnixSeconds),
      due_result: Nullable(Type.String()),
    }),
  ),
  online: Nullable(
    Type.Object({
      app_version: Type.Integer(),
      user_version: Type.String(),
      user_desc: Type.String(),
      release_time: UnixSeconds,
      is_rollback: Type.Boolean(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      app_version: Type.Integer(),
      user_version: Type.String(),
      release_time: UnixSeconds,
      is_rollback: Type.Boolean(),
    }),
  ),
  gray_plan: Nullable(
    Type.Object({
      status: Type.Integer(),
      gray_percentage: Type.Integer(),
      create_timestamp: UnixSeconds,
    }),
  ),
  visit_status: Type.Union([Type.Literal('open'), Type.Literal('close')]),
});

export const NewAuthorization = Type.Object(
  {
    component_appid: Appid,
    authorizer_appid: Appid,
    func_info: Type.Array(Type.Integer({ minimum: 1, maximum: 1000 }), { maxItems: 200 }),
  },
  closed,
);

export const Authorization = Type.Object({
  component_appid: Type.String(),
  authorizer_appid: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  func_info: Type.Array(Type.Integer()),
  authorizer_refresh_token: Nullable(Type.String()),
  /** The newest authorizer_access_token still valid, by the emulated clock. */
  authorizer_access_token: Nullable(Type.String()),
  authorizer_access_token_expires_at: Nullable(UnixSeconds),
  authorized_at: UnixSeconds,
  updated_at: UnixSeconds,
});

export const Granted = Type.Object({
  authorization_code: Type.String(),
  authorization_code_expires_at: UnixSeconds,
  authorizer_access_token: Type.String(),
  authorizer_refresh_token: Type.String(),
  expires_in: Type.Integer(),
  func_info: Type.Array(Type.Object({ funcscope_category: Type.Object({ id: Type.Integer() }) })),
  /** Sets asked for but held by another component (set 18 belongs to one at a time). */
  withheld_func_info: Type.Optional(Type.Array(Type.Integer())),
});

export const LinkAnswer = Type.Object(
  {
    official_account: Appid,
    miniprogram: Appid,
    admin: Type.Union([Type.Literal('official_account'), Type.Literal('miniprogram')]),
    accept: Type.Boolean(),
  },
  closed,
);

export const ConsoleLink = Type.Object(
  { official_account: Appid, miniprogram: Appid, show_profile: Type.Optional(Type.Boolean()) },
  closed,
);

export const Link = Type.Object({
  official_account: Type.String(),
  miniprogram: Type.String(),
  status: Type.Integer(),
  origin: Type.Union([Type.Literal('api'), Type.Literal('console')]),
  notify_users: Type.Integer(),
  show_profile: Type.Integer(),
  unlink_pending: Type.Boolean(),
  created_at: UnixSeconds,
  updated_at: UnixSeconds,
});

export const RemovedLink = Type.Object({
  official_account: Type.String(),
  miniprogram: Type.String(),
  status: Type.Null(),
  removed: Type.Literal(true),
});

export const MpWebviewDomains = Type.Object(
  { mp_webviewdomain: Type.Array(Type.String({ maxLength: 300 }), { maxItems: 300 }) },
  closed,
);

export const WebviewDomains = Type.Object({
  mp_webviewdomain: Type.Array(Type.String()),
  third_webviewdomain: Type.Array(Type.String()),
  direct_webviewdomain: Type.Array(Type.String()),
  effective_webviewdomain: Type.Array(Type.String()),
});

/** The six kinds of a Mini Program's server domains, in WeChat's order. */
export const serverDomainKinds = [
  'requestdomain',
  'wsrequestdomain',
  'uploaddomain',
  'downloaddomain',
  'udpdomain',
  'tcpdomain',
] as const;
const kindsOf = <S extends TSchema>(schema: S) =>
  Type.Object(
    Object.fromEntries(serverDomainKinds.map((kind) => [kind, schema])) as Record<
      (typeof serverDomainKinds)[number],
      S
    >,
  );

export const MpServerDomains = Type.Object(
  {
    mp_domain: Type.Object(
      Object.fromEntries(
        serverDomainKinds.map((kind) => [
          kind,
          Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 })),
        ]),
      ),
      closed,
    ),
  },
  closed,
);

const ServerDomainSet = kindsOf(Type.Array(Type.String()));
export const ServerDomains = Type.Object({
  mp_domain: ServerDomainSet,
  third_domain: ServerDomainSet,
  direct_domain: ServerDomainSet,
  effective_domain: ServerDomainSet,
});

export const ServedFile = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2048 }), content: Type.String({ maxLength: 65536 }) },
  closed,
);

export const IcpFiling = Type.Object({ icp_filed: Type.Boolean() }, closed);
export const Host = Type.Object({ host: Type.String(), icp_filed: Type.Boolean() });

export const BlacklistEntry = Type.Object({ entry: Type.String({ minLength: 1, maxLength: 2048 }) }, closed);

export const Scan = Type.Union([
  Type.Object({
    opens: Type.Literal(true),
    appid: Type.String(),
    path: Type.String(),
    version: Type.String(),
    rule: Type.String(),
    via: Type.Union([Type.Literal('debug_url'), Type.Literal('rule')]),
  }),
  Type.Object({ opens: Type.Literal(false), reason: Type.String(), rule: Type.Optional(Type.String()) }),
]);

/** An account's QR-code jump rules, as qrcodejumpget lists them, and the publishes left this month. */
export const QrcodeRules = Type.Object({
  rules: Type.Array(
    Type.Object({
      prefix: Type.String(),
      state: Type.Integer(),
      mode: Type.Union([Type.Literal('ordinary'), Type.Literal('service')]),
      permit_sub_rule: Type.Integer(),
      path: Type.String(),
      open_version: Type.Integer(),
      debug_url: Type.Array(Type.String()),
      /** The Mini Program a service account's rule opens; null for a Mini Program's own rule. */
      target_appid: Nullable(Type.String()),
      created_at: UnixSeconds,
      published_at: Nullable(UnixSeconds),
    }),
  ),
  publishes_left: Type.Integer(),
});

export const Push = Type.Object({
  time: UnixSeconds,
  platform: Type.String(),
  info_type: Type.String(),
  url: Type.String(),
  status: Nullable(Type.Integer()),
  answer: Nullable(Type.String()),
  outcome: Type.Union([
    Type.Literal('delivered'),
    Type.Literal('refused'),
    Type.Literal('unreachable'),
    Type.Literal('timeout'),
  ]),
  xml: Type.String(),
  /** 1, or more when an instance stopped while delivering it and another took it over. */
  attempt: Type.Integer(),
});

const FaultNetwork = Type.Union([Type.Literal('reset'), Type.Literal('malformed'), Type.Literal('hang')]);
/** A delay in ms, fixed or drawn uniformly between `min` and `max`. */
const FaultLatency = Type.Union([
  Type.Number(),
  Type.Object({ min: Type.Number(), max: Type.Number() }, closed),
]);

/**
 * A fault rule as armed. Only the JSON types are checked here: the ranges are checked by the emulator, whose
 * 400 names the field (README "Fault injection").
 */
export const NewFault = Type.Object(
  {
    endpoint: Type.Optional(Type.String({ maxLength: 200 })),
    appid: Type.Optional(Type.String({ maxLength: 64 })),
    errcode: Type.Optional(Type.Integer()),
    status: Type.Optional(Type.Integer()),
    network: Type.Optional(FaultNetwork),
    hang_ms: Type.Optional(Type.Integer()),
    latency_ms: Type.Optional(FaultLatency),
    after_commit: Type.Optional(Type.Boolean()),
    probability: Type.Optional(Type.Number()),
    seed: Type.Optional(Type.Integer()),
    count: Type.Optional(Nullable(Type.Integer())),
  },
  closed,
);

/** A stored fault rule: what it matches, its effect, its draws so far. */
export const Fault = Type.Object({
  id: Type.String(),
  endpoint: Type.String(),
  appid: Nullable(Type.String()),
  errcode: Nullable(Type.Integer()),
  status: Nullable(Type.Integer()),
  network: Nullable(FaultNetwork),
  hang_ms: Nullable(Type.Integer()),
  latency_ms: Nullable(FaultLatency),
  after_commit: Type.Boolean(),
  probability: Type.Number(),
  seed: Type.Integer(),
  count: Nullable(Type.Integer()),
  fired: Type.Integer(),
  remaining: Nullable(Type.Integer()),
  created_at: UnixSeconds,
});

/** On a request-log entry: the rule that fired on the call and what the caller got. */
export const FaultMark = Type.Object({
  id: Type.String(),
  after_commit: Type.Boolean(),
  latency_ms: Type.Optional(Type.Number()),
  errcode: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.Integer()),
  network: Type.Optional(FaultNetwork),
});

export const ClockMove = Type.Union([
  Type.Object({ advance: Type.Number({ minimum: -1e10, maximum: 1e10 }) }, closed),
  Type.Object({ set: Type.Integer({ minimum: 0, maximum: 1e11 }) }, closed),
]);

export const Now = Type.Object({ now: UnixSeconds });

export const JournalEntry = Type.Object({
  time: UnixSeconds,
  method: Type.String(),
  path: Type.String(),
  endpoint: Type.String(),
  appid: Nullable(Type.String()),
  errcode: Type.Integer(),
  rid: Type.String(),
  fault: Type.Optional(FaultMark),
});

/** A call of the request log with what it carried and the JSON it got back (null for an image). */
export const JournalCall = Type.Object({
  ...JournalEntry.properties,
  request: Type.Object({ query: Type.Record(Type.String(), Type.String()), body: Nullable(Type.String()) }),
  answer: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

/** One event of `GET /_wxlocal/events`: its SSE `event:` name and its `data:` JSON. */
export const ControlEvent = Type.Union([
  Type.Object({ type: Type.Literal('call'), data: JournalEntry }),
  Type.Object({ type: Type.Literal('push'), data: Push }),
  Type.Object({ type: Type.Literal('state'), data: Type.Object({ cause: Type.String() }) }),
  Type.Object({ type: Type.Literal('clock'), data: Now }),
  Type.Object({ type: Type.Literal('reset'), data: Type.Object({}) }),
]);

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  reason: Type.Optional(Type.String()),
  version: Type.String(),
  store: Type.String(),
  now: UnixSeconds,
});

export const Snapshot = Type.Object({ id: Type.String(), created_at: UnixSeconds });

/** The whole state as one document: every table's rows and the clock (README "Snapshots and state"). */
export const StateDocument = Type.Object(
  {
    format: Type.Literal('wxlocal-state'),
    version: Type.Literal(1),
    clock_offset_ms: Type.Integer(),
    tables: Type.Record(Type.String(), Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  },
  closed,
);

export const Done = Type.Object({ status: Type.Literal('ok'), now: UnixSeconds });

/** One daily API counter of an account (docs/quota.md §1). */
export const ApiCounter = Type.Object({
  cgi_path: Type.String(),
  daily_limit: Type.Integer(),
  used: Type.Integer(),
  remain: Type.Integer(),
  /** Whether the call past the limit answers 45009: by default, by `--api-quota enforce`, or set here. */
  enforced: Type.Boolean(),
});

/** An account's (or a component's) API meter today, and the month's quota clears. */
export const ApiQuota = Type.Object({
  appid: Type.String(),
  /** The calendar day in China Standard Time the counters are for. */
  day: Type.String(),
  counters: Type.Array(ApiCounter),
  clears: Type.Object({ used: Type.Integer(), limit: Type.Integer() }),
  api_clears: Type.Object({ used: Type.Integer(), limit: Type.Integer() }),
});

const Count = Type.Integer({ minimum: 0 });
export const ApiQuotaChanges = Type.Object(
  {
    cgi_path: Type.Optional(Type.String({ pattern: '^/' })),
    daily_limit: Type.Optional(Type.Union([Count, Type.Null()])),
    used: Type.Optional(Count),
    clears_used: Type.Optional(Count),
    api_clears_used: Type.Optional(Count),
  },
  { additionalProperties: false },
);
