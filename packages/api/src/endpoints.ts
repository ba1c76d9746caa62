import { type Static, type TObject, Type } from '@sinclair/typebox';
import { codeEndpoints } from './code-endpoints.js';
import type { ErrCode } from './errors.js';
import { Choice } from './fields.js';
import { quotaEndpoints } from './quota-endpoints.js';

/**
 * Who may call an endpoint:
 * - `none`: no token; credentials travel in the query (`/cgi-bin/token`) or the JSON body.
 * - `component`: the component_access_token (`?component_access_token=` or `?access_token=`).
 * - `authorizer`: an authorizer_access_token of one of `accountTypes`, holding one of `permissionSets`.
 */
export type TokenKind = 'none' | 'component' | 'authorizer';
export type AccountType = 'miniprogram' | 'official_account';

/**
 * How a response is shaped on success: `business` endpoints answer `{"errcode":0,"errmsg":"ok", ...payload}`,
 * token endpoints answer the payload alone, `image` endpoints answer the bytes of a JPEG (their errors are JSON
 * sent as `text/plain`).
 */
export type Envelope = 'business' | 'payload' | 'image';

export interface EndpointDef<Req extends TObject = TObject, Res extends TObject = TObject> {
  /** WeChat's interface name, e.g. setSearchStatus. */
  name: string;
  /** What the endpoint does, in one sentence (the typed client's documentation). */
  summary: string;
  /**
   * Whether the same call made twice changes nothing more than made once, so that a client may repeat it after
   * a lost answer: always (`true`), for `action: "get"` only (`'get'`), or unless `force_refresh` (`'unforced'`).
   */
  idempotent?: true | 'get' | 'unforced';
  method: 'GET' | 'POST';
  path: string;
  token: TokenKind;
  accountTypes?: readonly AccountType[];
  permissionSets?: readonly number[];
  /** Official Accounts must be verified service accounts (48001 otherwise). */
  serviceAccountsOnly?: boolean;
  /** The account's own access token (`/cgi-bin/token`, stable) is accepted too, with no permission-set check. */
  ownTokenAccepted?: boolean;
  /** What the account's own token gets where it is refused: 40014 unless said (the code APIs: 86000). */
  ownTokenErrcode?: 40014 | 86000;
  /** An authorizer endpoint that takes the component_access_token too, as `access_token=` (docs/quota.md §2). */
  componentTokenAccepted?: boolean;
  /** A component endpoint that takes an authorizer_access_token too (the old option paths, docs/quota.md §5.2). */
  authorizerTokenAccepted?: boolean;
  /** Any granted permission set lets an authorizer token in (no 61007): the endpoint needs none of its own. */
  anyPermissionSet?: boolean;
  /**
   * Fields read from the query, a JSON body filling the gaps: a GET that also takes a body, or a POST whose body
   * may be empty or left out (clear_quota/v2, docs/quota.md §3.3).
   */
  queryOrBody?: boolean;
  envelope: Envelope;
  /** A body that is not a JSON object is read as having no fields (stable_token), not as 47001. */
  lenientBody?: boolean;
  /** Any other method answers 43002 `require POST method` (stable_token). */
  requirePost?: boolean;
  /** The success payload comes before errcode/errmsg, as in the official example. */
  payloadFirst?: boolean;
  request: Req;
  response: Res;
  errcodes: readonly ErrCode[];
}

const tokenErrors = [41001, 40001, 40014, 42001, 48001] as const;
const authorizerErrors = [...tokenErrors, 61003, 61007, 44002, 47001] as const;
const componentErrors = [...tokenErrors, 61004, 44002, 47001, 41018, 40013] as const;

const Empty = Type.Object({});

/**
 * The QR-code jump family: a Mini Program (ordinary links, set 18) or a verified service account (its
 * parametric QR codes, set 3); the account's own token works too (docs/qrcode-jump.md §1.1).
 */
const qrcodeJumpCaller = {
  token: 'authorizer',
  accountTypes: ['miniprogram', 'official_account'],
  permissionSets: [3, 18],
  serviceAccountsOnly: true,
  ownTokenAccepted: true,
  envelope: 'business',
} as const;
const qrcodeJumpErrors = [...authorizerErrors, 44990, 85075] as const;
const FuncInfo = Type.Array(
  Type.Object({
    funcscope_category: Type.Object({ id: Type.Integer() }),
    confirm_info: Type.Optional(
      Type.Object({
        need_confirm: Type.Integer(),
        already_confirm: Type.Integer(),
        can_confirm: Type.Integer(),
      }),
    ),
  }),
);

/** A Mini Program's server domains: six kinds, each a list of scheme-prefixed entries (docs/server-domain.md §5.2). */
const serverDomainKinds = {
  requestdomain: Type.Array(Type.String(), { description: 'https://host[:port]' }),
  wsrequestdomain: Type.Array(Type.String(), { description: 'wss://host[:port]' }),
  uploaddomain: Type.Array(Type.String(), { description: 'https://host[:port]' }),
  downloaddomain: Type.Array(Type.String(), { description: 'https://host[:port]' }),
  udpdomain: Type.Array(Type.String(), { description: 'udp://host[:port]' }),
  tcpdomain: Type.Array(Type.String(), { description: 'tcp://host[:port]' }),
};
const ServerDomains = Type.Object(serverDomainKinds);
/** In a request every kind may be left out (`get` needs none). */
const ServerDomainChanges = Type.Partial(ServerDomains);
const RejectedServerDomains = {
  invalid_requestdomain: Type.Optional(Type.Array(Type.String())),
  invalid_wsrequestdomain: Type.Optional(Type.Array(Type.String())),
  invalid_uploaddomain: Type.Optional(Type.Array(Type.String())),
  invalid_downloaddomain: Type.Optional(Type.Array(Type.String())),
  invalid_udpdomain: Type.Optional(Type.Array(Type.String())),
  invalid_tcpdomain: Type.Optional(Type.Array(Type.String())),
  no_icp_domain: Type.Optional(Type.Array(Type.String())),
};
const componentPoolErrors = [...tokenErrors, 61004, 44002, 47001, 40052, 40097, 61028, 65316, 45104] as const;

/** Keeps each entry's literal token kind, method and flags in `Endpoints`, so clients can be typed by them. */
function define<const D extends EndpointDef>(def: D): D {
  return def;
}

export const endpoints = {
  getAccessToken: define({
    name: 'getAccessToken',
    summary:
      "An account's own access token from its appid and secret; each call supersedes the previous token.",
    method: 'GET',
    path: '/cgi-bin/token',
    token: 'none',
    envelope: 'payload',
    request: Type.Object({ grant_type: Type.String(), appid: Type.String(), secret: Type.String() }),
    response: Type.Object({ access_token: Type.String(), expires_in: Type.Integer() }),
    errcodes: [40002, 41002, 41004, 40013, 61024, 40125, 40164, 40243, 45009],
  }),
  getStableAccessToken: define({
    name: 'getStableAccessToken',
    summary: "An account's own stable access token: the same token until it expires, unless force_refresh.",
    idempotent: 'unforced',
    method: 'POST',
    path: '/cgi-bin/stable_token',
    token: 'none',
    envelope: 'payload',
    lenientBody: true,
    requirePost: true,
    request: Type.Object({
      grant_type: Type.String(),
      appid: Type.String(),
      secret: Type.String(),
      force_refresh: Type.Optional(Type.Boolean()),
    }),
    response: Type.Object({ access_token: Type.String(), expires_in: Type.Integer() }),
    errcodes: [43002, 44002, 40002, 41002, 41004, 40013, 61024, 40125, 40164, 40243, 45009, 45011],
  }),
  startPushTicket: define({
    name: 'startPushTicket',
    summary: 'Asks WeChat to push a component_verify_ticket now.',
    method: 'POST',
    path: '/cgi-bin/component/api_start_push_ticket',
    token: 'none',
    envelope: 'business',
    request: Type.Object({ component_appid: Type.String(), component_secret: Type.String() }),
    response: Empty,
    errcodes: [44002, 47001, 41018, 41004, 40013, 61011, 40125, 61004],
  }),
  getComponentAccessToken: define({
    name: 'getComponentAccessToken',
    summary: "The component_access_token, from the component's secret and its latest verify ticket.",
    method: 'POST',
    path: '/cgi-bin/component/api_component_token',
    token: 'none',
    envelope: 'payload',
    request: Type.Object({
      component_appid: Type.String(),
      component_appsecret: Type.String(),
      component_verify_ticket: Type.String(),
    }),
    response: Type.Object({ component_access_token: Type.String(), expires_in: Type.Integer() }),
    errcodes: [44002, 47001, 41018, 41004, 40013, 61011, 40125, 61004, 61006, 61005, 45009],
  }),
  getPreAuthCode: define({
    name: 'getPreAuthCode',
    summary: 'A pre_auth_code for the authorization page.',
    method: 'POST',
    path: '/cgi-bin/component/api_create_preauthcode',
    token: 'component',
    envelope: 'payload',
    request: Type.Object({ component_appid: Type.String() }),
    response: Type.Object({ pre_auth_code: Type.String(), expires_in: Type.Integer() }),
    errcodes: componentErrors,
  }),
  getAuthorizerRefreshToken: define({
    name: 'getAuthorizerRefreshToken',
    summary:
      "Redeems an authorization code (api_query_auth): the account's access and refresh tokens and what it granted.",
    method: 'POST',
    path: '/cgi-bin/component/api_query_auth',
    token: 'component',
    envelope: 'payload',
    request: Type.Object({ component_appid: Type.String(), authorization_code: Type.String() }),
    response: Type.Object({
      authorization_info: Type.Object({
        authorizer_appid: Type.String(),
        authorizer_access_token: Type.String(),
        expires_in: Type.Integer(),
        authorizer_refresh_token: Type.String(),
        func_info: FuncInfo,
      }),
    }),
    errcodes: [...componentErrors, 61009, 61010],
  }),
  getAuthorizerAccessToken: define({
    name: 'getAuthorizerAccessToken',
    summary: "A new authorizer_access_token from the account's refresh token.",
    method: 'POST',
    path: '/cgi-bin/component/api_authorizer_token',
    token: 'component',
    envelope: 'payload',
    request: Type.Object({
      component_appid: Type.String(),
      authorizer_appid: Type.String(),
      authorizer_refresh_token: Type.String(),
    }),
    response: Type.Object({
      authorizer_access_token: Type.String(),
      expires_in: Type.Integer(),
      authorizer_refresh_token: Type.String(),
    }),
    errcodes: [...componentErrors, 61023],
  }),
  getAuthorizerInfo: define({
    name: 'getAuthorizerInfo',
    summary: "An authorized account's profile and what it granted the component.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/api_get_authorizer_info',
    token: 'component',
    envelope: 'payload',
    request: Type.Object({ component_appid: Type.String(), authorizer_appid: Type.String() }),
    response: Type.Object({
      authorizer_info: Type.Object({
        nick_name: Type.String(),
        head_img: Type.String(),
        service_type_info: Type.Object({ id: Type.Integer() }),
        verify_type_info: Type.Object({ id: Type.Integer() }),
        user_name: Type.String(),
        principal_name: Type.String(),
        alias: Type.String(),
        qrcode_url: Type.String(),
        business_info: Type.Record(Type.String(), Type.Integer()),
        signature: Type.String(),
        account_status: Type.Integer(),
        register_type: Type.Integer(),
        basic_config: Type.Object({
          is_phone_configured: Type.Boolean(),
          is_email_configured: Type.Boolean(),
        }),
        MiniProgramInfo: Type.Optional(
          Type.Object({
            network: Type.Record(Type.String(), Type.Array(Type.String())),
            categories: Type.Array(Type.Object({ first: Type.String(), second: Type.String() })),
            visit_status: Type.Integer(),
          }),
        ),
      }),
      authorization_info: Type.Object({
        authorizer_appid: Type.String(),
        authorizer_refresh_token: Type.String(),
        func_info: FuncInfo,
      }),
    }),
    errcodes: [...componentErrors, 61003],
  }),
  setSearchStatus: define({
    name: 'setSearchStatus',
    summary: 'Makes the Mini Program searchable (0) or hidden from search (1).',
    idempotent: true,
    method: 'POST',
    path: '/wxa/changewxasearchstatus',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({ status: Choice([0, 1], '0 searchable, 1 not searchable') }),
    response: Empty,
    errcodes: [...authorizerErrors, 85083, 85084],
  }),
  getSearchStatus: define({
    name: 'getSearchStatus',
    summary: 'Whether the Mini Program can be found by search.',
    idempotent: true,
    method: 'GET',
    path: '/wxa/getwxasearchstatus',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    payloadFirst: true,
    request: Empty,
    response: Type.Object({ status: Choice([0, 1], '0 searchable, 1 not searchable') }),
    errcodes: authorizerErrors,
  }),
  modifyJumpDomainDirectly: define({
    name: 'modifyJumpDomainDirectly',
    summary:
      "Adds, deletes, sets or gets the Mini Program's business domains directly (confirm files must be in place).",
    idempotent: 'get',
    method: 'POST',
    path: '/wxa/setwebviewdomain_directly',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({
      action: Choice(['add', 'delete', 'set', 'get'], 'what to do with the list'),
      webviewdomain: Type.Optional(
        Type.Array(Type.String(), { description: 'https://host entries; not needed for get' }),
      ),
    }),
    response: Type.Object({
      webviewdomain: Type.Optional(
        Type.Array(Type.String(), { description: 'the direct list, on get only' }),
      ),
    }),
    errcodes: [...authorizerErrors, 40052, 40097, 86103, 89029, 89231, 506015],
  }),
  getJumpDomainConfirmFile: define({
    name: 'getJumpDomainConfirmFile',
    summary: 'The confirm file to put at the root of each business domain.',
    idempotent: true,
    method: 'POST',
    path: '/wxa/get_webviewdomain_confirmfile',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Empty,
    response: Type.Object({ file_name: Type.String(), file_content: Type.String() }),
    errcodes: authorizerErrors,
  }),
  getEffectiveJumpDomain: define({
    name: 'getEffectiveJumpDomain',
    summary: "The Mini Program's business domains from each source and those in force.",
    idempotent: true,
    method: 'POST',
    path: '/wxa/get_effective_webviewdomain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Empty,
    response: Type.Object({
      mp_webviewdomain: Type.Array(Type.String()),
      third_webviewdomain: Type.Array(Type.String()),
      direct_webviewdomain: Type.Array(Type.String()),
      effective_webviewdomain: Type.Array(Type.String()),
    }),
    errcodes: authorizerErrors,
  }),
  modifyJumpDomain: define({
    name: 'modifyJumpDomain',
    summary:
      "Adds, deletes, sets or gets the Mini Program's business domains from the component's jump-domain pool.",
    idempotent: 'get',
    method: 'POST',
    path: '/wxa/setwebviewdomain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({
      action: Type.Optional(
        Choice(['add', 'delete', 'set', 'get'], 'omitted: add every jump domain of the component'),
      ),
      webviewdomain: Type.Optional(Type.Array(Type.String())),
    }),
    response: Type.Object({
      webviewdomain: Type.Array(Type.String(), { description: 'the third-party list' }),
    }),
    errcodes: [...authorizerErrors, 40052, 89019, 89020, 89021, 89022, 89029, 89231],
  }),
  addJumpQRCode: define({
    name: 'addJumpQRCode',
    summary: "Adds or edits a rule that opens the Mini Program when a URL's QR code is scanned.",
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpadd',
    ...qrcodeJumpCaller,
    request: Type.Object({
      prefix: Type.String({ description: 'URL prefix; service-account mode: http://weixin.qq.com/q/…' }),
      permit_sub_rule: Type.Optional(
        Choice([1, 2], '1 does not claim sub-rules, 2 claims them (ordinary mode)'),
      ),
      path: Type.String({ description: 'Mini Program page' }),
      open_version: Type.Optional(Choice([1, 2, 3], '1 develop, 2 trial, 3 release (ordinary mode)')),
      debug_url: Type.Optional(
        Type.Array(Type.String(), { description: 'at most 5 test URLs (ordinary mode)' }),
      ),
      is_edit: Choice([0, 1], '0 add, 1 edit an unpublished rule'),
      appid: Type.Optional(Type.String({ description: 'the Mini Program to open (service-account mode)' })),
    }),
    response: Empty,
    errcodes: [...qrcodeJumpErrors, 40097, 40166, 85066, 85068, 85069, 85070, 85071, 85072, 85073, 85076],
  }),
  getJumpQRCode: define({
    name: 'getJumpQRCode',
    summary: "The account's QR-code jump rules, the publishes left this month and whether the feature is on.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpget',
    ...qrcodeJumpCaller,
    request: Type.Object({
      appid: Type.Optional(
        Type.String({ description: 'service-account mode: the Mini Program whose rules to list' }),
      ),
      get_type: Type.Optional(
        Choice([0, 1, 2], 'service-account mode: 0 latest 10 000 (the default), 1 by prefix_list, 2 paged'),
      ),
      prefix_list: Type.Optional(Type.Array(Type.String(), { description: 'get_type 1: at most 200' })),
      page_num: Type.Optional(Type.Integer({ description: 'get_type 2: from 1' })),
      page_size: Type.Optional(Type.Integer({ description: 'get_type 2: at most 200' })),
    }),
    response: Type.Object({
      rule_list: Type.Array(
        Type.Object({
          prefix: Type.String(),
          open_version: Type.Optional(Choice([1, 2, 3], '1 develop, 2 trial, 3 release')),
          state: Choice([1, 2], '1 unpublished, 2 published'),
          permit_sub_rule: Type.Optional(Choice([1, 2], '1 does not claim sub-rules, 2 claims them')),
          path: Type.String(),
          debug_url: Type.Optional(Type.Array(Type.String())),
        }),
      ),
      qrcodejump_open: Type.Integer(),
      list_size: Type.Integer(),
      qrcodejump_pub_quota: Type.Integer(),
      total_count: Type.Integer(),
    }),
    errcodes: [...qrcodeJumpErrors, 40097],
  }),
  deleteJumpQRCode: define({
    name: 'deleteJumpQRCode',
    summary: 'Deletes a QR-code jump rule.',
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpdelete',
    ...qrcodeJumpCaller,
    request: Type.Object({
      prefix: Type.String(),
      appid: Type.Optional(Type.String({ description: "service-account mode: the rule's Mini Program" })),
    }),
    response: Empty,
    errcodes: qrcodeJumpErrors,
  }),
  publishJumpQRCode: define({
    name: 'publishJumpQRCode',
    summary: 'Publishes a QR-code jump rule so that scans of its prefix open the Mini Program.',
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumppublish',
    ...qrcodeJumpCaller,
    request: Type.Object({
      prefix: Type.String(),
      appid: Type.Optional(Type.String({ description: "service-account mode: the rule's Mini Program" })),
    }),
    response: Empty,
    errcodes: [...qrcodeJumpErrors, 40097, 85074, 886000],
  }),
  downloadQRCodeText: define({
    name: 'downloadQRCodeText',
    summary: "The verification file to put under a QR-code rule's prefix.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpdownload',
    ...qrcodeJumpCaller,
    accountTypes: ['miniprogram'],
    request: Empty,
    response: Type.Object({ file_name: Type.String(), file_content: Type.String() }),
    errcodes: qrcodeJumpErrors,
  }),
  linkMiniprogram: define({
    name: 'linkMiniprogram',
    summary: 'Invites a Mini Program to link to the Official Account; its admin then accepts or refuses.',
    method: 'POST',
    path: '/cgi-bin/wxopen/wxamplink',
    token: 'authorizer',
    accountTypes: ['official_account'],
    permissionSets: [33],
    envelope: 'business',
    request: Type.Object({
      appid: Type.String({ description: 'the Mini Program to link' }),
      notify_users: Choice([0, 1], '1: send a template message to the fans once linked'),
      show_profile: Choice([0, 1], "1: show the Mini Program on the account's profile page"),
    }),
    response: Empty,
    errcodes: [
      ...authorizerErrors,
      -1,
      1003,
      1005,
      1006,
      89007,
      89008,
      89009,
      89010,
      89013,
      89015,
      89016,
      89017,
      89035,
      89245,
    ],
  }),
  getLinkMiniprogram: define({
    name: 'getLinkMiniprogram',
    summary: 'The Mini Programs linked, or being linked, to the Official Account.',
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/wxopen/wxamplinkget',
    token: 'authorizer',
    accountTypes: ['official_account'],
    permissionSets: [33],
    envelope: 'business',
    request: Empty,
    response: Type.Object({
      wxopens: Type.Object({
        items: Type.Array(
          Type.Object({
            status: Choice(
              [1, 2, 3, 12],
              '1 linked, 2 waiting for the MP admin, 3 refused, 12 waiting for the OA admin',
            ),
            username: Type.String(),
            appid: Type.Optional(Type.String()),
            source: Type.String(),
            nickname: Type.String(),
            selected: Type.Optional(Type.Integer()),
            nearby_display_status: Type.Optional(Type.Integer()),
            released: Type.Optional(Type.Integer()),
            headimg_url: Type.String(),
            func_infos: Type.Array(
              Type.Object({ status: Type.Integer(), id: Type.Integer(), name: Type.String() }),
            ),
            email: Type.Optional(Type.String()),
          }),
        ),
      }),
    }),
    errcodes: authorizerErrors,
  }),
  unlinkMiniprogram: define({
    name: 'unlinkMiniprogram',
    summary: 'Unlinks a Mini Program from the Official Account.',
    method: 'POST',
    path: '/cgi-bin/wxopen/wxampunlink',
    token: 'authorizer',
    accountTypes: ['official_account'],
    permissionSets: [33],
    envelope: 'business',
    request: Type.Object({ appid: Type.String() }),
    response: Empty,
    errcodes: [...authorizerErrors, 40097, 89011, 89012, 89013, 89018],
  }),
  modifyThirdpartyServerDomain: define({
    name: 'modifyThirdpartyServerDomain',
    summary:
      "Adds, deletes, sets or gets the component's server-domain pool (testing value, and the published one with it).",
    idempotent: 'get',
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_server_domain',
    token: 'component',
    envelope: 'business',
    request: Type.Object({
      action: Choice(['add', 'delete', 'set', 'get'], 'what to do with the list'),
      wxa_server_domain: Type.Optional(Type.String({ description: 'hosts separated by ";", at most 1000' })),
      is_modify_published_together: Type.Optional(
        Type.Boolean({ description: 'true: change the published value too; false when left out' }),
      ),
    }),
    response: Type.Object({
      published_wxa_server_domain: Type.Optional(Type.String({ description: 'left out until published' })),
      testing_wxa_server_domain: Type.String(),
      invalid_wxa_server_domain: Type.Optional(Type.String({ description: 'when some host is invalid' })),
    }),
    errcodes: componentPoolErrors,
  }),
  modifyThirdpartyJumpDomain: define({
    name: 'modifyThirdpartyJumpDomain',
    summary:
      "Adds, deletes, sets or gets the component's business-domain pool (testing value, and the published one with it).",
    idempotent: 'get',
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_jump_domain',
    token: 'component',
    envelope: 'business',
    request: Type.Object({
      action: Choice(['add', 'delete', 'set', 'get'], 'what to do with the list'),
      wxa_jump_h5_domain: Type.Optional(Type.String({ description: 'hosts separated by ";", at most 300' })),
      is_modify_published_together: Type.Optional(
        Type.Boolean({ description: 'true: change the published value too; false when left out' }),
      ),
    }),
    response: Type.Object({
      published_wxa_jump_h5_domain: Type.Optional(Type.String({ description: 'left out until published' })),
      testing_wxa_jump_h5_domain: Type.String(),
      invalid_wxa_jump_h5_domain: Type.Optional(Type.String({ description: 'when some host is invalid' })),
    }),
    errcodes: [...componentPoolErrors, 9410016],
  }),
  getThirdpartyJumpDomainConfirmFile: define({
    name: 'getThirdpartyJumpDomainConfirmFile',
    summary: "The confirm file for the component's business-domain pool.",
    idempotent: true,
    method: 'POST',
    path: '/cgi-bin/component/get_domain_confirmfile',
    token: 'component',
    envelope: 'business',
    request: Empty,
    response: Type.Object({ file_name: Type.String(), file_content: Type.String() }),
    errcodes: [...tokenErrors, 61004, 44002, 47001],
  }),
  modifyServerDomain: define({
    name: 'modifyServerDomain',
    summary:
      "Adds, deletes, sets or gets the Mini Program's server domains from the component's pool (50 changes a month).",
    idempotent: 'get',
    method: 'POST',
    path: '/wxa/modify_domain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Composite([
      Type.Object({ action: Choice(['add', 'delete', 'set', 'get'], 'what to do with the list') }),
      ServerDomainChanges,
    ]),
    response: Type.Object({ ...serverDomainKinds, ...RejectedServerDomains }),
    errcodes: [...authorizerErrors, 40052, 85016, 85017, 85301, 85302, 85303, 86102],
  }),
  modifyServerDomainDirectly: define({
    name: 'modifyServerDomainDirectly',
    summary: "Adds, deletes, sets or gets the Mini Program's server domains directly.",
    idempotent: 'get',
    method: 'POST',
    path: '/wxa/modify_domain_directly',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Composite([
      Type.Object({ action: Choice(['add', 'delete', 'set', 'get'], 'what to do with the list') }),
      ServerDomainChanges,
    ]),
    response: ServerDomains,
    errcodes: [...authorizerErrors, 40052, 86100, 86101, 45082, 85016, 86102],
  }),
  getEffectiveServerDomain: define({
    name: 'getEffectiveServerDomain',
    summary: "The Mini Program's server domains from each source and those in force.",
    idempotent: true,
    method: 'POST',
    path: '/wxa/get_effective_domain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Empty,
    response: Type.Object({
      mp_domain: ServerDomains,
      third_domain: ServerDomains,
      direct_domain: ServerDomains,
      effective_domain: ServerDomains,
    }),
    errcodes: authorizerErrors,
  }),
  ...codeEndpoints,
  ...quotaEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
/** A request as a caller sends it: optional fields may be left out. */
export type RequestOf<N extends EndpointName> = Static<Endpoints[N]['request']>;
/** A request as the emulator reads it: every declared field present, a missing one at its zero value. */
export type CoercedRequestOf<N extends EndpointName> = {
  [K in keyof RequestOf<N>]-?: K extends keyof RequestFields<N>
    ? RequestFields<N>[K] extends { asSent: true }
      ? unknown
      : Exclude<RequestOf<N>[K], undefined>
    : Exclude<RequestOf<N>[K], undefined>;
};
type RequestFields<N extends EndpointName> = Endpoints[N]['request']['properties'];
export type ResponseOf<N extends EndpointName> = Static<Endpoints[N]['response']>;

export const endpointList: readonly EndpointDef[] = Object.values(endpoints);
