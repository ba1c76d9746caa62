import { type Static, type TObject, Type } from '@sinclair/typebox';
import { codeEndpoints } from './code-endpoints.js';
import type { ErrCode } from './errors.js';

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
  /** A GET whose fields may come in a JSON body too, when the query lacks them. */
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
    method: 'POST',
    path: '/wxa/changewxasearchstatus',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({ status: Type.Integer({ description: '0 searchable, 1 not searchable' }) }),
    response: Empty,
    errcodes: [...authorizerErrors, 85083, 85084],
  }),
  getSearchStatus: define({
    name: 'getSearchStatus',
    method: 'GET',
    path: '/wxa/getwxasearchstatus',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    payloadFirst: true,
    request: Empty,
    response: Type.Object({ status: Type.Integer({ description: '0 searchable, 1 not searchable' }) }),
    errcodes: authorizerErrors,
  }),
  modifyJumpDomainDirectly: define({
    name: 'modifyJumpDomainDirectly',
    method: 'POST',
    path: '/wxa/setwebviewdomain_directly',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({
      action: Type.String({ description: 'add | delete | set | get' }),
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
    method: 'POST',
    path: '/wxa/setwebviewdomain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Object({
      action: Type.Optional(
        Type.String({
          description: 'add | delete | set | get; omitted: add every jump domain of the component',
        }),
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
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpadd',
    ...qrcodeJumpCaller,
    request: Type.Object({
      prefix: Type.String({ description: 'URL prefix; service-account mode: http://weixin.qq.com/q/…' }),
      permit_sub_rule: Type.Optional(
        Type.Integer({ description: '1 does not claim sub-rules, 2 claims them (ordinary mode)' }),
      ),
      path: Type.String({ description: 'Mini Program page' }),
      open_version: Type.Optional(
        Type.Integer({ description: '1 develop, 2 trial, 3 release (ordinary mode)' }),
      ),
      debug_url: Type.Optional(
        Type.Array(Type.String(), { description: 'at most 5 test URLs (ordinary mode)' }),
      ),
      is_edit: Type.Integer({ description: '0 add, 1 edit an unpublished rule' }),
      appid: Type.Optional(Type.String({ description: 'the Mini Program to open (service-account mode)' })),
    }),
    response: Empty,
    errcodes: [...qrcodeJumpErrors, 40097, 40166, 85066, 85068, 85069, 85070, 85071, 85072, 85073, 85076],
  }),
  getJumpQRCode: define({
    name: 'getJumpQRCode',
    method: 'POST',
    path: '/cgi-bin/wxopen/qrcodejumpget',
    ...qrcodeJumpCaller,
    request: Type.Object({
      appid: Type.Optional(
        Type.String({ description: 'service-account mode: the Mini Program whose rules to list' }),
      ),
      get_type: Type.Optional(
        Type.Integer({
          description: 'service-account mode: 0 latest 10 000 (the default), 1 by prefix_list, 2 paged',
        }),
      ),
      prefix_list: Type.Optional(Type.Array(Type.String(), { description: 'get_type 1: at most 200' })),
      page_num: Type.Optional(Type.Integer({ description: 'get_type 2: from 1' })),
      page_size: Type.Optional(Type.Integer({ description: 'get_type 2: at most 200' })),
    }),
    response: Type.Object({
      rule_list: Type.Array(
        Type.Object({
          prefix: Type.String(),
          open_version: Type.Optional(Type.Integer()),
          state: Type.Integer({ description: '1 unpublished, 2 published' }),
          permit_sub_rule: Type.Optional(Type.Integer()),
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
    method: 'POST',
    path: '/cgi-bin/wxopen/wxamplink',
    token: 'authorizer',
    accountTypes: ['official_account'],
    permissionSets: [33],
    envelope: 'business',
    request: Type.Object({
      appid: Type.String({ description: 'the Mini Program to link' }),
      notify_users: Type.Integer({ description: '1: send a template message to the fans once linked' }),
      show_profile: Type.Integer({ description: "1: show the Mini Program on the account's profile page" }),
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
            status: Type.Integer({
              description: '1 linked, 2 waiting for the MP admin, 3 refused, 12 waiting for the OA admin',
            }),
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
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_server_domain',
    token: 'component',
    envelope: 'business',
    request: Type.Object({
      action: Type.String({ description: 'add | delete | set | get' }),
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
    method: 'POST',
    path: '/cgi-bin/component/modify_wxa_jump_domain',
    token: 'component',
    envelope: 'business',
    request: Type.Object({
      action: Type.String({ description: 'add | delete | set | get' }),
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
    method: 'POST',
    path: '/wxa/modify_domain',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Composite([
      Type.Object({ action: Type.String({ description: 'add | delete | set | get' }) }),
      ServerDomainChanges,
    ]),
    response: Type.Object({ ...serverDomainKinds, ...RejectedServerDomains }),
    errcodes: [...authorizerErrors, 40052, 85016, 85017, 85301, 85302, 85303, 86102],
  }),
  modifyServerDomainDirectly: define({
    name: 'modifyServerDomainDirectly',
    method: 'POST',
    path: '/wxa/modify_domain_directly',
    token: 'authorizer',
    accountTypes: ['miniprogram'],
    permissionSets: [18],
    envelope: 'business',
    request: Type.Composite([
      Type.Object({ action: Type.String({ description: 'add | delete | set | get' }) }),
      ServerDomainChanges,
    ]),
    response: ServerDomains,
    errcodes: [...authorizerErrors, 40052, 86100, 86101, 45082, 85016, 86102],
  }),
  getEffectiveServerDomain: define({
    name: 'getEffectiveServerDomain',
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
