// Generated from the @wxlocal/api catalogue by scripts/generate.mjs (`npm run generate -w @wxlocal/client`):
// do not edit.
import type { CallOptions } from './call-options.js';
import type { EndpointEntry } from './endpoint-entry.js';

/** What the client needs of each endpoint at run time. */
export const endpointTable = {
  getAccessToken: { name: 'getAccessToken', method: 'GET', path: '/cgi-bin/token', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: false, idempotent: false },
  getStableAccessToken: { name: 'getStableAccessToken', method: 'POST', path: '/cgi-bin/stable_token', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: false, idempotent: 'unforced' },
  startPushTicket: { name: 'startPushTicket', method: 'POST', path: '/cgi-bin/component/api_start_push_ticket', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: true, idempotent: false },
  getComponentAccessToken: { name: 'getComponentAccessToken', method: 'POST', path: '/cgi-bin/component/api_component_token', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: false },
  getPreAuthCode: { name: 'getPreAuthCode', method: 'POST', path: '/cgi-bin/component/api_create_preauthcode', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: false },
  getAuthorizerRefreshToken: { name: 'getAuthorizerRefreshToken', method: 'POST', path: '/cgi-bin/component/api_query_auth', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: false },
  getAuthorizerAccessToken: { name: 'getAuthorizerAccessToken', method: 'POST', path: '/cgi-bin/component/api_authorizer_token', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: false },
  getAuthorizerInfo: { name: 'getAuthorizerInfo', method: 'POST', path: '/cgi-bin/component/api_get_authorizer_info', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: true },
  setSearchStatus: { name: 'setSearchStatus', method: 'POST', path: '/wxa/changewxasearchstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getSearchStatus: { name: 'getSearchStatus', method: 'GET', path: '/wxa/getwxasearchstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  modifyJumpDomainDirectly: { name: 'modifyJumpDomainDirectly', method: 'POST', path: '/wxa/setwebviewdomain_directly', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  getJumpDomainConfirmFile: { name: 'getJumpDomainConfirmFile', method: 'POST', path: '/wxa/get_webviewdomain_confirmfile', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getEffectiveJumpDomain: { name: 'getEffectiveJumpDomain', method: 'POST', path: '/wxa/get_effective_webviewdomain', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  modifyJumpDomain: { name: 'modifyJumpDomain', method: 'POST', path: '/wxa/setwebviewdomain', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  addJumpQRCode: { name: 'addJumpQRCode', method: 'POST', path: '/cgi-bin/wxopen/qrcodejumpadd', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getJumpQRCode: { name: 'getJumpQRCode', method: 'POST', path: '/cgi-bin/wxopen/qrcodejumpget', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  deleteJumpQRCode: { name: 'deleteJumpQRCode', method: 'POST', path: '/cgi-bin/wxopen/qrcodejumpdelete', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  publishJumpQRCode: { name: 'publishJumpQRCode', method: 'POST', path: '/cgi-bin/wxopen/qrcodejumppublish', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  downloadQRCodeText: { name: 'downloadQRCodeText', method: 'POST', path: '/cgi-bin/wxopen/qrcodejumpdownload', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: true, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  linkMiniprogram: { name: 'linkMiniprogram', method: 'POST', path: '/cgi-bin/wxopen/wxamplink', token: 'authorizer', accountTypes: ['official_account'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getLinkMiniprogram: { name: 'getLinkMiniprogram', method: 'POST', path: '/cgi-bin/wxopen/wxamplinkget', token: 'authorizer', accountTypes: ['official_account'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  unlinkMiniprogram: { name: 'unlinkMiniprogram', method: 'POST', path: '/cgi-bin/wxopen/wxampunlink', token: 'authorizer', accountTypes: ['official_account'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  modifyThirdpartyServerDomain: { name: 'modifyThirdpartyServerDomain', method: 'POST', path: '/cgi-bin/component/modify_wxa_server_domain', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  modifyThirdpartyJumpDomain: { name: 'modifyThirdpartyJumpDomain', method: 'POST', path: '/cgi-bin/component/modify_wxa_jump_domain', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  getThirdpartyJumpDomainConfirmFile: { name: 'getThirdpartyJumpDomainConfirmFile', method: 'POST', path: '/cgi-bin/component/get_domain_confirmfile', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  modifyServerDomain: { name: 'modifyServerDomain', method: 'POST', path: '/wxa/modify_domain', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  modifyServerDomainDirectly: { name: 'modifyServerDomainDirectly', method: 'POST', path: '/wxa/modify_domain_directly', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: 'get' },
  getEffectiveServerDomain: { name: 'getEffectiveServerDomain', method: 'POST', path: '/wxa/get_effective_domain', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getTemplateDraftList: { name: 'getTemplateDraftList', method: 'GET', path: '/wxa/gettemplatedraftlist', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  addToTemplate: { name: 'addToTemplate', method: 'POST', path: '/wxa/addtotemplate', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getTemplateList: { name: 'getTemplateList', method: 'GET', path: '/wxa/gettemplatelist', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  deleteTemplate: { name: 'deleteTemplate', method: 'POST', path: '/wxa/deletetemplate', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  commit: { name: 'commit', method: 'POST', path: '/wxa/commit', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getCodePage: { name: 'getCodePage', method: 'GET', path: '/wxa/get_page', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getTrialQRCode: { name: 'getTrialQRCode', method: 'GET', path: '/wxa/get_qrcode', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'image', fillsComponentAppid: false, idempotent: true },
  getAllCategoryName: { name: 'getAllCategoryName', method: 'GET', path: '/wxa/get_category', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getCodePrivacyInfo: { name: 'getCodePrivacyInfo', method: 'GET', path: '/wxa/security/get_code_privacy_info', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  submitAudit: { name: 'submitAudit', method: 'POST', path: '/wxa/submit_audit', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getAuditStatus: { name: 'getAuditStatus', method: 'POST', path: '/wxa/get_auditstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getLatestAuditStatus: { name: 'getLatestAuditStatus', method: 'GET', path: '/wxa/get_latest_auditstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  undoAudit: { name: 'undoAudit', method: 'GET', path: '/wxa/undocodeaudit', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  speedupCodeAudit: { name: 'speedupCodeAudit', method: 'POST', path: '/wxa/speedupaudit', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  queryQuota: { name: 'queryQuota', method: 'GET', path: '/wxa/queryquota', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  release: { name: 'release', method: 'POST', path: '/wxa/release', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  revertCodeRelease: { name: 'revertCodeRelease', method: 'GET', path: '/wxa/revertcoderelease', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getVersionInfo: { name: 'getVersionInfo', method: 'POST', path: '/wxa/getversioninfo', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  grayRelease: { name: 'grayRelease', method: 'POST', path: '/wxa/grayrelease', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getGrayReleasePlan: { name: 'getGrayReleasePlan', method: 'GET', path: '/wxa/getgrayreleaseplan', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  revertGrayRelease: { name: 'revertGrayRelease', method: 'GET', path: '/wxa/revertgrayrelease', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  setVisitStatus: { name: 'setVisitStatus', method: 'POST', path: '/wxa/change_visitstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getVisitStatus: { name: 'getVisitStatus', method: 'POST', path: '/wxa/getvisitstatus', token: 'authorizer', accountTypes: ['miniprogram'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getApiQuota: { name: 'getApiQuota', method: 'POST', path: '/cgi-bin/openapi/quota/get', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: true, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  clearQuota: { name: 'clearQuota', method: 'POST', path: '/cgi-bin/clear_quota', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: true, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  clearQuotaByAppSecret: { name: 'clearQuotaByAppSecret', method: 'POST', path: '/cgi-bin/clear_quota/v2', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  clearComponentQuota: { name: 'clearComponentQuota', method: 'POST', path: '/cgi-bin/component/clear_quota', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: true, idempotent: false },
  clearComponentQuotaByAppSecret: { name: 'clearComponentQuotaByAppSecret', method: 'POST', path: '/cgi-bin/component/clear_quota/v2', token: 'none', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: true, idempotent: false },
  clearApiQuota: { name: 'clearApiQuota', method: 'POST', path: '/cgi-bin/openapi/quota/clear', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: true, envelope: 'business', fillsComponentAppid: false, idempotent: false },
  getRidInfo: { name: 'getRidInfo', method: 'POST', path: '/cgi-bin/openapi/rid/get', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: true, componentTokenAccepted: true, envelope: 'business', fillsComponentAppid: false, idempotent: true },
  getAuthorizerList: { name: 'getAuthorizerList', method: 'POST', path: '/cgi-bin/component/api_get_authorizer_list', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: true },
  getAuthorizerOption: { name: 'getAuthorizerOption', method: 'POST', path: '/cgi-bin/component/api_get_authorizer_option', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: true, idempotent: true },
  setAuthorizerOption: { name: 'setAuthorizerOption', method: 'POST', path: '/cgi-bin/component/api_set_authorizer_option', token: 'component', accountTypes: [], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: true, idempotent: true },
  getAuthorizerOptionInfo: { name: 'getAuthorizerOptionInfo', method: 'POST', path: '/cgi-bin/component/get_authorizer_option', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'payload', fillsComponentAppid: false, idempotent: true },
  setAuthorizerOptionInfo: { name: 'setAuthorizerOptionInfo', method: 'POST', path: '/cgi-bin/component/set_authorizer_option', token: 'authorizer', accountTypes: ['miniprogram', 'official_account'], ownTokenAccepted: false, componentTokenAccepted: false, envelope: 'business', fillsComponentAppid: false, idempotent: true },
} as const satisfies Record<string, EndpointEntry>;

export type EndpointName = keyof typeof endpointTable;

/** The request of getAccessToken. */
export interface GetAccessTokenRequest {
  grant_type: string;
  appid: string;
  secret: string;
}
/** What getAccessToken resolves to (errcode and errmsg left out). */
export interface GetAccessTokenResponse {
  access_token: string;
  expires_in: number;
}
/** The errcodes getAccessToken may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAccessTokenErrCode = -1 | 45009 | 40002 | 41002 | 41004 | 40013 | 61024 | 40125 | 40164 | 40243;

/** The request of getStableAccessToken. */
export interface GetStableAccessTokenRequest {
  grant_type: string;
  appid: string;
  secret: string;
  force_refresh?: boolean;
}
/** What getStableAccessToken resolves to (errcode and errmsg left out). */
export interface GetStableAccessTokenResponse {
  access_token: string;
  expires_in: number;
}
/** The errcodes getStableAccessToken may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetStableAccessTokenErrCode = -1 | 45009 | 43002 | 44002 | 40002 | 41002 | 41004 | 40013 | 61024 | 40125 | 40164 | 40243 | 45011;

/** The request of startPushTicket. */
export interface StartPushTicketRequest {
  component_appid?: string;
  component_secret: string;
}
/** What startPushTicket resolves to (errcode and errmsg left out). */
export type StartPushTicketResponse = Record<string, never>;
/** The errcodes startPushTicket may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type StartPushTicketErrCode = -1 | 45009 | 44002 | 47001 | 41018 | 41004 | 40013 | 61011 | 40125 | 61004;

/** The request of getComponentAccessToken. */
export interface GetComponentAccessTokenRequest {
  component_appid?: string;
  component_appsecret: string;
  component_verify_ticket: string;
}
/** What getComponentAccessToken resolves to (errcode and errmsg left out). */
export interface GetComponentAccessTokenResponse {
  component_access_token: string;
  expires_in: number;
}
/** The errcodes getComponentAccessToken may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetComponentAccessTokenErrCode = -1 | 45009 | 44002 | 47001 | 41018 | 41004 | 40013 | 61011 | 40125 | 61004 | 61006 | 61005;

/** The request of getPreAuthCode. */
export interface GetPreAuthCodeRequest {
  component_appid?: string;
}
/** What getPreAuthCode resolves to (errcode and errmsg left out). */
export interface GetPreAuthCodeResponse {
  pre_auth_code: string;
  expires_in: number;
}
/** The errcodes getPreAuthCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetPreAuthCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013;

/** The request of getAuthorizerRefreshToken. */
export interface GetAuthorizerRefreshTokenRequest {
  component_appid?: string;
  authorization_code: string;
}
/** What getAuthorizerRefreshToken resolves to (errcode and errmsg left out). */
export interface GetAuthorizerRefreshTokenResponse {
  authorization_info: {
    authorizer_appid: string;
    authorizer_access_token: string;
    expires_in: number;
    authorizer_refresh_token: string;
    func_info: {
      funcscope_category: {
        id: number;
      };
      confirm_info?: {
        need_confirm: number;
        already_confirm: number;
        can_confirm: number;
      };
    }[];
  };
}
/** The errcodes getAuthorizerRefreshToken may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerRefreshTokenErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 61009 | 61010;

/** The request of getAuthorizerAccessToken. */
export interface GetAuthorizerAccessTokenRequest {
  component_appid?: string;
  authorizer_appid: string;
  authorizer_refresh_token: string;
}
/** What getAuthorizerAccessToken resolves to (errcode and errmsg left out). */
export interface GetAuthorizerAccessTokenResponse {
  authorizer_access_token: string;
  expires_in: number;
  authorizer_refresh_token: string;
}
/** The errcodes getAuthorizerAccessToken may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerAccessTokenErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 61023;

/** The request of getAuthorizerInfo. */
export interface GetAuthorizerInfoRequest {
  component_appid?: string;
  authorizer_appid: string;
}
/** What getAuthorizerInfo resolves to (errcode and errmsg left out). */
export interface GetAuthorizerInfoResponse {
  authorizer_info: {
    nick_name: string;
    head_img: string;
    service_type_info: {
      id: number;
    };
    verify_type_info: {
      id: number;
    };
    user_name: string;
    principal_name: string;
    alias: string;
    qrcode_url: string;
    business_info: Record<string, number>;
    signature: string;
    account_status: number;
    register_type: number;
    basic_config: {
      is_phone_configured: boolean;
      is_email_configured: boolean;
    };
    MiniProgramInfo?: {
      network: Record<string, string[]>;
      categories: {
        first: string;
        second: string;
      }[];
      visit_status: number;
    };
  };
  authorization_info: {
    authorizer_appid: string;
    authorizer_refresh_token: string;
    func_info: {
      funcscope_category: {
        id: number;
      };
      confirm_info?: {
        need_confirm: number;
        already_confirm: number;
        can_confirm: number;
      };
    }[];
  };
}
/** The errcodes getAuthorizerInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 61003;

/** The request of setSearchStatus. */
export interface SetSearchStatusRequest {
  /** 0 searchable, 1 not searchable */
  status: 0 | 1;
}
/** What setSearchStatus resolves to (errcode and errmsg left out). */
export type SetSearchStatusResponse = Record<string, never>;
/** The errcodes setSearchStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SetSearchStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 85083 | 85084;

/** What getSearchStatus resolves to (errcode and errmsg left out). */
export interface GetSearchStatusResponse {
  /** 0 searchable, 1 not searchable */
  status: 0 | 1;
}
/** The errcodes getSearchStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetSearchStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001;

/** The request of modifyJumpDomainDirectly. */
export interface ModifyJumpDomainDirectlyRequest {
  /** what to do with the list */
  action: "add" | "delete" | "set" | "get";
  /** https://host entries; not needed for get */
  webviewdomain?: string[];
}
/** What modifyJumpDomainDirectly resolves to (errcode and errmsg left out). */
export interface ModifyJumpDomainDirectlyResponse {
  /** the direct list, on get only */
  webviewdomain?: string[];
}
/** The errcodes modifyJumpDomainDirectly may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyJumpDomainDirectlyErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 40052 | 40097 | 86103 | 89029 | 89231 | 506015;

/** What getJumpDomainConfirmFile resolves to (errcode and errmsg left out). */
export interface GetJumpDomainConfirmFileResponse {
  file_name: string;
  file_content: string;
}
/** The errcodes getJumpDomainConfirmFile may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetJumpDomainConfirmFileErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001;

/** What getEffectiveJumpDomain resolves to (errcode and errmsg left out). */
export interface GetEffectiveJumpDomainResponse {
  mp_webviewdomain: string[];
  third_webviewdomain: string[];
  direct_webviewdomain: string[];
  effective_webviewdomain: string[];
}
/** The errcodes getEffectiveJumpDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetEffectiveJumpDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001;

/** The request of modifyJumpDomain. */
export interface ModifyJumpDomainRequest {
  /** omitted: add every jump domain of the component */
  action?: "add" | "delete" | "set" | "get";
  webviewdomain?: string[];
}
/** What modifyJumpDomain resolves to (errcode and errmsg left out). */
export interface ModifyJumpDomainResponse {
  /** the third-party list */
  webviewdomain: string[];
}
/** The errcodes modifyJumpDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyJumpDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 40052 | 89019 | 89020 | 89021 | 89022 | 89029 | 89231;

/** The request of addJumpQRCode. */
export interface AddJumpQRCodeRequest {
  /** URL prefix; service-account mode: http://weixin.qq.com/q/… */
  prefix: string;
  /** 1 does not claim sub-rules, 2 claims them (ordinary mode) */
  permit_sub_rule?: 1 | 2;
  /** Mini Program page */
  path: string;
  /** 1 develop, 2 trial, 3 release (ordinary mode) */
  open_version?: 1 | 2 | 3;
  /** at most 5 test URLs (ordinary mode) */
  debug_url?: string[];
  /** 0 add, 1 edit an unpublished rule */
  is_edit: 0 | 1;
  /** the Mini Program to open (service-account mode) */
  appid?: string;
}
/** What addJumpQRCode resolves to (errcode and errmsg left out). */
export type AddJumpQRCodeResponse = Record<string, never>;
/** The errcodes addJumpQRCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type AddJumpQRCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 44990 | 85075 | 40097 | 40166 | 85066 | 85068 | 85069 | 85070 | 85071 | 85072 | 85073 | 85076;

/** The request of getJumpQRCode. */
export interface GetJumpQRCodeRequest {
  /** service-account mode: the Mini Program whose rules to list */
  appid?: string;
  /** service-account mode: 0 latest 10 000 (the default), 1 by prefix_list, 2 paged */
  get_type?: 0 | 1 | 2;
  /** get_type 1: at most 200 */
  prefix_list?: string[];
  /** get_type 2: from 1 */
  page_num?: number;
  /** get_type 2: at most 200 */
  page_size?: number;
}
/** What getJumpQRCode resolves to (errcode and errmsg left out). */
export interface GetJumpQRCodeResponse {
  rule_list: {
    prefix: string;
    /** 1 develop, 2 trial, 3 release */
    open_version?: 1 | 2 | 3;
    /** 1 unpublished, 2 published */
    state: 1 | 2;
    /** 1 does not claim sub-rules, 2 claims them */
    permit_sub_rule?: 1 | 2;
    path: string;
    debug_url?: string[];
  }[];
  qrcodejump_open: number;
  list_size: number;
  qrcodejump_pub_quota: number;
  total_count: number;
}
/** The errcodes getJumpQRCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetJumpQRCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 44990 | 85075 | 40097;

/** The request of deleteJumpQRCode. */
export interface DeleteJumpQRCodeRequest {
  prefix: string;
  /** service-account mode: the rule's Mini Program */
  appid?: string;
}
/** What deleteJumpQRCode resolves to (errcode and errmsg left out). */
export type DeleteJumpQRCodeResponse = Record<string, never>;
/** The errcodes deleteJumpQRCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type DeleteJumpQRCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 44990 | 85075;

/** The request of publishJumpQRCode. */
export interface PublishJumpQRCodeRequest {
  prefix: string;
  /** service-account mode: the rule's Mini Program */
  appid?: string;
}
/** What publishJumpQRCode resolves to (errcode and errmsg left out). */
export type PublishJumpQRCodeResponse = Record<string, never>;
/** The errcodes publishJumpQRCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type PublishJumpQRCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 44990 | 85075 | 40097 | 85074 | 886000;

/** What downloadQRCodeText resolves to (errcode and errmsg left out). */
export interface DownloadQRCodeTextResponse {
  file_name: string;
  file_content: string;
}
/** The errcodes downloadQRCodeText may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type DownloadQRCodeTextErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 44990 | 85075;

/** The request of linkMiniprogram. */
export interface LinkMiniprogramRequest {
  /** the Mini Program to link */
  appid: string;
  /** 1: send a template message to the fans once linked */
  notify_users: 0 | 1;
  /** 1: show the Mini Program on the account's profile page */
  show_profile: 0 | 1;
}
/** What linkMiniprogram resolves to (errcode and errmsg left out). */
export type LinkMiniprogramResponse = Record<string, never>;
/** The errcodes linkMiniprogram may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type LinkMiniprogramErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 1003 | 1005 | 1006 | 89007 | 89008 | 89009 | 89010 | 89013 | 89015 | 89016 | 89017 | 89035 | 89245;

/** What getLinkMiniprogram resolves to (errcode and errmsg left out). */
export interface GetLinkMiniprogramResponse {
  wxopens: {
    items: {
      /** 1 linked, 2 waiting for the MP admin, 3 refused, 12 waiting for the OA admin */
      status: 1 | 2 | 3 | 12;
      username: string;
      appid?: string;
      source: string;
      nickname: string;
      selected?: number;
      nearby_display_status?: number;
      released?: number;
      headimg_url: string;
      func_infos: {
        status: number;
        id: number;
        name: string;
      }[];
      email?: string;
    }[];
  };
}
/** The errcodes getLinkMiniprogram may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetLinkMiniprogramErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001;

/** The request of unlinkMiniprogram. */
export interface UnlinkMiniprogramRequest {
  appid: string;
}
/** What unlinkMiniprogram resolves to (errcode and errmsg left out). */
export type UnlinkMiniprogramResponse = Record<string, never>;
/** The errcodes unlinkMiniprogram may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type UnlinkMiniprogramErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 40097 | 89011 | 89012 | 89013 | 89018;

/** The request of modifyThirdpartyServerDomain. */
export interface ModifyThirdpartyServerDomainRequest {
  /** what to do with the list */
  action: "add" | "delete" | "set" | "get";
  /** hosts separated by ";", at most 1000 */
  wxa_server_domain?: string;
  /** true: change the published value too; false when left out */
  is_modify_published_together?: boolean;
}
/** What modifyThirdpartyServerDomain resolves to (errcode and errmsg left out). */
export interface ModifyThirdpartyServerDomainResponse {
  /** left out until published */
  published_wxa_server_domain?: string;
  testing_wxa_server_domain: string;
  /** when some host is invalid */
  invalid_wxa_server_domain?: string;
}
/** The errcodes modifyThirdpartyServerDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyThirdpartyServerDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 40052 | 40097 | 61028 | 65316 | 45104;

/** The request of modifyThirdpartyJumpDomain. */
export interface ModifyThirdpartyJumpDomainRequest {
  /** what to do with the list */
  action: "add" | "delete" | "set" | "get";
  /** hosts separated by ";", at most 300 */
  wxa_jump_h5_domain?: string;
  /** true: change the published value too; false when left out */
  is_modify_published_together?: boolean;
}
/** What modifyThirdpartyJumpDomain resolves to (errcode and errmsg left out). */
export interface ModifyThirdpartyJumpDomainResponse {
  /** left out until published */
  published_wxa_jump_h5_domain?: string;
  testing_wxa_jump_h5_domain: string;
  /** when some host is invalid */
  invalid_wxa_jump_h5_domain?: string;
}
/** The errcodes modifyThirdpartyJumpDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyThirdpartyJumpDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 40052 | 40097 | 61028 | 65316 | 45104 | 9410016;

/** What getThirdpartyJumpDomainConfirmFile resolves to (errcode and errmsg left out). */
export interface GetThirdpartyJumpDomainConfirmFileResponse {
  file_name: string;
  file_content: string;
}
/** The errcodes getThirdpartyJumpDomainConfirmFile may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetThirdpartyJumpDomainConfirmFileErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001;

/** The request of modifyServerDomain. */
export interface ModifyServerDomainRequest {
  /** what to do with the list */
  action: "add" | "delete" | "set" | "get";
  /** https://host[:port] */
  requestdomain?: string[];
  /** wss://host[:port] */
  wsrequestdomain?: string[];
  /** https://host[:port] */
  uploaddomain?: string[];
  /** https://host[:port] */
  downloaddomain?: string[];
  /** udp://host[:port] */
  udpdomain?: string[];
  /** tcp://host[:port] */
  tcpdomain?: string[];
}
/** What modifyServerDomain resolves to (errcode and errmsg left out). */
export interface ModifyServerDomainResponse {
  /** https://host[:port] */
  requestdomain: string[];
  /** wss://host[:port] */
  wsrequestdomain: string[];
  /** https://host[:port] */
  uploaddomain: string[];
  /** https://host[:port] */
  downloaddomain: string[];
  /** udp://host[:port] */
  udpdomain: string[];
  /** tcp://host[:port] */
  tcpdomain: string[];
  invalid_requestdomain?: string[];
  invalid_wsrequestdomain?: string[];
  invalid_uploaddomain?: string[];
  invalid_downloaddomain?: string[];
  invalid_udpdomain?: string[];
  invalid_tcpdomain?: string[];
  no_icp_domain?: string[];
}
/** The errcodes modifyServerDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyServerDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 40052 | 85016 | 85017 | 85301 | 85302 | 85303 | 86102;

/** The request of modifyServerDomainDirectly. */
export interface ModifyServerDomainDirectlyRequest {
  /** what to do with the list */
  action: "add" | "delete" | "set" | "get";
  /** https://host[:port] */
  requestdomain?: string[];
  /** wss://host[:port] */
  wsrequestdomain?: string[];
  /** https://host[:port] */
  uploaddomain?: string[];
  /** https://host[:port] */
  downloaddomain?: string[];
  /** udp://host[:port] */
  udpdomain?: string[];
  /** tcp://host[:port] */
  tcpdomain?: string[];
}
/** What modifyServerDomainDirectly resolves to (errcode and errmsg left out). */
export interface ModifyServerDomainDirectlyResponse {
  /** https://host[:port] */
  requestdomain: string[];
  /** wss://host[:port] */
  wsrequestdomain: string[];
  /** https://host[:port] */
  uploaddomain: string[];
  /** https://host[:port] */
  downloaddomain: string[];
  /** udp://host[:port] */
  udpdomain: string[];
  /** tcp://host[:port] */
  tcpdomain: string[];
}
/** The errcodes modifyServerDomainDirectly may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ModifyServerDomainDirectlyErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001 | 40052 | 86100 | 86101 | 45082 | 85016 | 86102;

/** What getEffectiveServerDomain resolves to (errcode and errmsg left out). */
export interface GetEffectiveServerDomainResponse {
  mp_domain: {
    /** https://host[:port] */
    requestdomain: string[];
    /** wss://host[:port] */
    wsrequestdomain: string[];
    /** https://host[:port] */
    uploaddomain: string[];
    /** https://host[:port] */
    downloaddomain: string[];
    /** udp://host[:port] */
    udpdomain: string[];
    /** tcp://host[:port] */
    tcpdomain: string[];
  };
  third_domain: {
    /** https://host[:port] */
    requestdomain: string[];
    /** wss://host[:port] */
    wsrequestdomain: string[];
    /** https://host[:port] */
    uploaddomain: string[];
    /** https://host[:port] */
    downloaddomain: string[];
    /** udp://host[:port] */
    udpdomain: string[];
    /** tcp://host[:port] */
    tcpdomain: string[];
  };
  direct_domain: {
    /** https://host[:port] */
    requestdomain: string[];
    /** wss://host[:port] */
    wsrequestdomain: string[];
    /** https://host[:port] */
    uploaddomain: string[];
    /** https://host[:port] */
    downloaddomain: string[];
    /** udp://host[:port] */
    udpdomain: string[];
    /** tcp://host[:port] */
    tcpdomain: string[];
  };
  effective_domain: {
    /** https://host[:port] */
    requestdomain: string[];
    /** wss://host[:port] */
    wsrequestdomain: string[];
    /** https://host[:port] */
    uploaddomain: string[];
    /** https://host[:port] */
    downloaddomain: string[];
    /** udp://host[:port] */
    udpdomain: string[];
    /** tcp://host[:port] */
    tcpdomain: string[];
  };
}
/** The errcodes getEffectiveServerDomain may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetEffectiveServerDomainErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 44002 | 47001;

/** What getTemplateDraftList resolves to (errcode and errmsg left out). */
export interface GetTemplateDraftListResponse {
  draft_list: {
    create_time: number;
    user_version: string;
    user_desc: string;
    draft_id: number;
  }[];
}
/** The errcodes getTemplateDraftList may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetTemplateDraftListErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001;

/** The request of addToTemplate. */
export interface AddToTemplateRequest {
  /** the draft: a number or numeric string */
  draft_id: number | string;
  /** 0 ordinary (the default), 1 standard: a number or numeric string */
  template_type?: number | string;
}
/** What addToTemplate resolves to (errcode and errmsg left out). */
export type AddToTemplateResponse = Record<string, never>;
/** The errcodes addToTemplate may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type AddToTemplateErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 40097 | 85064 | 85065 | -38;

/** The request of getTemplateList. */
export interface GetTemplateListRequest {
  /** 0 ordinary, 1 standard; absent: both: a number or numeric string */
  template_type?: number | string;
}
/** What getTemplateList resolves to (errcode and errmsg left out). */
export interface GetTemplateListResponse {
  template_list: {
    create_time: number;
    user_version: string;
    user_desc: string;
    template_id: number;
    draft_id: number;
    source_miniprogram_appid: string;
    source_miniprogram: string;
    developer: string;
    template_type: number;
    category_list: {
      first_class: string;
      second_class: string;
      third_class?: string;
      first_id: number;
      second_id: number;
      third_id?: number;
    }[];
    audit_scene?: number;
    audit_status?: number;
    reason?: string;
  }[];
}
/** The errcodes getTemplateList may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetTemplateListErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001;

/** The request of deleteTemplate. */
export interface DeleteTemplateRequest {
  /** the template: a number or numeric string */
  template_id: number | string;
}
/** What deleteTemplate resolves to (errcode and errmsg left out). */
export type DeleteTemplateResponse = Record<string, never>;
/** The errcodes deleteTemplate may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type DeleteTemplateErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 85064;

/** The request of commit. */
export interface CommitRequest {
  /** a template of the platform: a number or numeric string */
  template_id: number | string;
  /** JSON text: ext, extPages, extAppid, pages, window, tabBar, … */
  ext_json: string;
  /** at most 64 characters */
  user_version: string;
  user_desc: string;
}
/** What commit resolves to (errcode and errmsg left out). */
export type CommitResponse = Record<string, never>;
/** The errcodes commit may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type CommitErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 40097 | 85013 | 85014 | 85044 | 85045 | 85046 | 85047 | 85048 | 85310 | 85311 | 85312 | 9402203 | 85043 | 9402202;

/** What getCodePage resolves to (errcode and errmsg left out). */
export interface GetCodePageResponse {
  page_list: string[];
}
/** The errcodes getCodePage may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetCodePageErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 86001;

/** The request of getTrialQRCode. */
export interface GetTrialQRCodeRequest {
  /** page and query, e.g. page/index?action=1 */
  path?: string;
}
/** What getTrialQRCode resolves to (errcode and errmsg left out). */
export interface GetTrialQRCodeResponse {
  /** a JPEG of the trial QR code */
  image: Uint8Array;
}
/** The errcodes getTrialQRCode may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetTrialQRCodeErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 61007 | 86001;

/** What getAllCategoryName resolves to (errcode and errmsg left out). */
export interface GetAllCategoryNameResponse {
  category_list: {
    first_class: string;
    second_class: string;
    third_class?: string;
    first_id: number;
    second_id: number;
    third_id?: number;
  }[];
}
/** The errcodes getAllCategoryName may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAllCategoryNameErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** What getCodePrivacyInfo resolves to (errcode and errmsg left out). */
export interface GetCodePrivacyInfoResponse {
  without_auth_list: string[];
  without_conf_list: string[];
}
/** The errcodes getCodePrivacyInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetCodePrivacyInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 86001 | 61039;

/** The request of submitAudit. */
export interface SubmitAuditRequest {
  /** at most 5 */
  item_list?: {
    /** a page of the trial version */
    address?: string;
    /** space-separated, at most 10 of 20 characters */
    tag?: string;
    first_class: string;
    second_class: string;
    third_class?: string;
    first_id: number;
    second_id: number;
    third_id?: number;
    /** at most 32 characters */
    title?: string;
  }[];
  feedback_info?: string;
  feedback_stuff?: string;
  version_desc?: string;
  preview_info?: {
    video_id_list?: string[];
    pic_id_list?: string[];
  };
  ugc_declare?: {
    scene?: number[];
    method?: number[];
    other_scene_desc?: string;
    has_audit_team?: number;
    audit_desc?: string;
  };
  privacy_api_not_use?: boolean;
  order_path?: string;
}
/** What submitAudit resolves to (errcode and errmsg left out). */
export interface SubmitAuditResponse {
  auditid: number;
}
/** The errcodes submitAudit may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SubmitAuditErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 86002 | 85086 | 85009 | 85023 | 85010 | 85006 | 85007 | 85011 | 85008 | 85094 | 61039 | 61040 | 85085 | 85051 | 85092 | 87006 | 9402202;

/** The request of getAuditStatus. */
export interface GetAuditStatusRequest {
  /** an audit of this Mini Program: a number or numeric string */
  auditid: number | string;
}
/** What getAuditStatus resolves to (errcode and errmsg left out). */
export interface GetAuditStatusResponse {
  /** 0 passed, 1 rejected, 2 auditing, 3 withdrawn, 4 delayed */
  status: 0 | 1 | 2 | 3 | 4;
  reason?: string;
  /** |-separated media ids */
  screenshot?: string;
}
/** The errcodes getAuditStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuditStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 85012;

/** What getLatestAuditStatus resolves to (errcode and errmsg left out). */
export interface GetLatestAuditStatusResponse {
  auditid: number;
  /** 0 passed, 1 rejected, 2 auditing, 3 withdrawn, 4 delayed */
  status: 0 | 1 | 2 | 3 | 4;
  reason?: string;
  ScreenShot?: string;
  screenshot?: string;
  user_version: string;
  user_desc: string;
  submit_audit_time: number;
}
/** The errcodes getLatestAuditStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetLatestAuditStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 85058;

/** What undoAudit resolves to (errcode and errmsg left out). */
export type UndoAuditResponse = Record<string, never>;
/** The errcodes undoAudit may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type UndoAuditErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 87012 | 87013;

/** The request of speedupCodeAudit. */
export interface SpeedupCodeAuditRequest {
  /** the pending audit: a number or numeric string */
  auditid: number | string;
}
/** What speedupCodeAudit resolves to (errcode and errmsg left out). */
export type SpeedupCodeAuditResponse = Record<string, never>;
/** The errcodes speedupCodeAudit may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SpeedupCodeAuditErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 89402 | 89404 | 89405;

/** What queryQuota resolves to (errcode and errmsg left out). */
export interface QueryQuotaResponse {
  rest: number;
  limit: number;
  speedup_rest: number;
  speedup_limit: number;
}
/** The errcodes queryQuota may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type QueryQuotaErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** What release resolves to (errcode and errmsg left out). */
export type ReleaseResponse = Record<string, never>;
/** The errcodes release may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ReleaseErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 85019 | 85020 | 85052;

/** The request of revertCodeRelease. */
export interface RevertCodeReleaseRequest {
  action?: "get_history_version";
  /** the version to roll back to: a number or numeric string */
  app_version?: number | string;
}
/** What revertCodeRelease resolves to (errcode and errmsg left out). */
export interface RevertCodeReleaseResponse {
  version_list?: {
    app_version: number;
    user_version: string;
    user_desc: string;
    commit_time: number;
  }[];
}
/** The errcodes revertCodeRelease may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type RevertCodeReleaseErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 40097 | 87011 | 87012;

/** What getVersionInfo resolves to (errcode and errmsg left out). */
export interface GetVersionInfoResponse {
  exp_info?: {
    exp_time: number;
    exp_version: string;
    exp_desc: string;
  };
  release_info?: {
    release_time: number;
    release_version: string;
    release_desc: string;
  };
}
/** The errcodes getVersionInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetVersionInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** The request of grayRelease. */
export interface GrayReleaseRequest {
  /** 0-100: a number or numeric string */
  gray_percentage: number | string;
  support_debuger_first?: boolean;
  support_experiencer_first?: boolean;
}
/** What grayRelease resolves to (errcode and errmsg left out). */
export type GrayReleaseResponse = Record<string, never>;
/** The errcodes grayRelease may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GrayReleaseErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 86002 | 85079 | 85080 | 85081 | 85082;

/** What getGrayReleasePlan resolves to (errcode and errmsg left out). */
export interface GetGrayReleasePlanResponse {
  gray_release_plan: {
    /** 0 none, 1 running, 2 paused, 3 done, 4 cancelled */
    status: 0 | 1 | 2 | 3 | 4;
    create_timestamp: number;
    gray_percentage: number;
    support_debuger_first: boolean;
    support_experiencer_first: boolean;
  };
}
/** The errcodes getGrayReleasePlan may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetGrayReleasePlanErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** What revertGrayRelease resolves to (errcode and errmsg left out). */
export type RevertGrayReleaseResponse = Record<string, never>;
/** The errcodes revertGrayRelease may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type RevertGrayReleaseErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** The request of setVisitStatus. */
export interface SetVisitStatusRequest {
  /** open or close the released Mini Program */
  action: "open" | "close";
}
/** What setVisitStatus resolves to (errcode and errmsg left out). */
export type SetVisitStatusResponse = Record<string, never>;
/** The errcodes setVisitStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SetVisitStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001 | 85022;

/** What getVisitStatus resolves to (errcode and errmsg left out). */
export interface GetVisitStatusResponse {
  /** 1 open, 0 paused */
  status: 0 | 1;
}
/** The errcodes getVisitStatus may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetVisitStatusErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 86000 | 61003 | 61007 | 44002 | 47001;

/** The request of getApiQuota. */
export interface GetApiQuotaRequest {
  /** the API path, e.g. /wxa/commit */
  cgi_path: string;
}
/** What getApiQuota resolves to (errcode and errmsg left out). */
export interface GetApiQuotaResponse {
  quota: {
    daily_limit: number;
    used: number;
    remain: number;
  };
  rate_limit?: {
    call_count: number;
    refresh_second: number;
  };
  component_rate_limit?: {
    call_count: number;
    refresh_second: number;
  };
}
/** The errcodes getApiQuota may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetApiQuotaErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 61003 | 61007 | 44002 | 47001 | 76021 | 76022;

/** The request of clearQuota. */
export interface ClearQuotaRequest {
  /** the token's account */
  appid: string;
}
/** What clearQuota resolves to (errcode and errmsg left out). */
export type ClearQuotaResponse = Record<string, never>;
/** The errcodes clearQuota may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ClearQuotaErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 61003 | 61007 | 44002 | 47001 | 41002 | 40013 | 48006;

/** The request of clearQuotaByAppSecret. */
export interface ClearQuotaByAppSecretRequest {
  appid: string;
  appsecret: string;
}
/** What clearQuotaByAppSecret resolves to (errcode and errmsg left out). */
export type ClearQuotaByAppSecretResponse = Record<string, never>;
/** The errcodes clearQuotaByAppSecret may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ClearQuotaByAppSecretErrCode = -1 | 45009 | 41002 | 41004 | 40013 | 61024 | 40125 | 48006;

/** The request of clearComponentQuota. */
export interface ClearComponentQuotaRequest {
  component_appid?: string;
}
/** What clearComponentQuota resolves to (errcode and errmsg left out). */
export type ClearComponentQuotaResponse = Record<string, never>;
/** The errcodes clearComponentQuota may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ClearComponentQuotaErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 48006;

/** The request of clearComponentQuotaByAppSecret. */
export interface ClearComponentQuotaByAppSecretRequest {
  component_appid?: string;
  /** the component's secret */
  appsecret: string;
  /** an authorized account; left out: the component */
  appid?: string;
}
/** What clearComponentQuotaByAppSecret resolves to (errcode and errmsg left out). */
export type ClearComponentQuotaByAppSecretResponse = Record<string, never>;
/** The errcodes clearComponentQuotaByAppSecret may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ClearComponentQuotaByAppSecretErrCode = -1 | 45009 | 44002 | 47001 | 41002 | 41004 | 40013 | 61011 | 40125 | 43007 | 48006;

/** The request of clearApiQuota. */
export interface ClearApiQuotaRequest {
  /** the API path, e.g. /wxa/commit */
  cgi_path: string;
}
/** What clearApiQuota resolves to (errcode and errmsg left out). */
export type ClearApiQuotaResponse = Record<string, never>;
/** The errcodes clearApiQuota may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type ClearApiQuotaErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 61003 | 61007 | 44002 | 47001 | 76021 | 76022 | 48006;

/** The request of getRidInfo. */
export interface GetRidInfoRequest {
  rid: string;
}
/** What getRidInfo resolves to (errcode and errmsg left out). */
export interface GetRidInfoResponse {
  request: {
    invoke_time: number;
    cost_in_ms: number;
    request_url: string;
    request_body: string;
    response_body: string;
    client_ip: string;
  };
}
/** The errcodes getRidInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetRidInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 61003 | 61007 | 44002 | 47001 | 76002 | 76004 | 76001 | 76003;

/** The request of getAuthorizerList. */
export interface GetAuthorizerListRequest {
  component_appid?: string;
  offset: number;
  count: number;
}
/** What getAuthorizerList resolves to (errcode and errmsg left out). */
export interface GetAuthorizerListResponse {
  total_count: number;
  list: {
    authorizer_appid: string;
    refresh_token?: string;
    auth_time: number;
  }[];
}
/** The errcodes getAuthorizerList may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerListErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013;

/** The request of getAuthorizerOption. */
export interface GetAuthorizerOptionRequest {
  component_appid?: string;
  authorizer_appid: string;
  /** location_report, voice_recognize or customer_service */
  option_name: string;
}
/** What getAuthorizerOption resolves to (errcode and errmsg left out). */
export interface GetAuthorizerOptionResponse {
  authorizer_appid: string;
  option_name: string;
  option_value: string;
}
/** The errcodes getAuthorizerOption may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerOptionErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 61003 | 61012 | 61007;

/** The request of setAuthorizerOption. */
export interface SetAuthorizerOptionRequest {
  component_appid?: string;
  authorizer_appid: string;
  /** location_report, voice_recognize or customer_service */
  option_name: string;
  /** a digit; numbers are read as strings */
  option_value: string;
}
/** What setAuthorizerOption resolves to (errcode and errmsg left out). */
export type SetAuthorizerOptionResponse = Record<string, never>;
/** The errcodes setAuthorizerOption may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SetAuthorizerOptionErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61004 | 44002 | 47001 | 41018 | 40013 | 61003 | 61012 | 61007 | 61013;

/** The request of getAuthorizerOptionInfo. */
export interface GetAuthorizerOptionInfoRequest {
  /** location_report, voice_recognize or customer_service */
  option_name: string;
}
/** What getAuthorizerOptionInfo resolves to (errcode and errmsg left out). */
export interface GetAuthorizerOptionInfoResponse {
  option_name: string;
  option_value: string;
}
/** The errcodes getAuthorizerOptionInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type GetAuthorizerOptionInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 44002 | 47001 | 61012 | 61007;

/** The request of setAuthorizerOptionInfo. */
export interface SetAuthorizerOptionInfoRequest {
  /** location_report, voice_recognize or customer_service */
  option_name: string;
  /** a digit; numbers are read as strings */
  option_value: string;
}
/** What setAuthorizerOptionInfo resolves to (errcode and errmsg left out). */
export type SetAuthorizerOptionInfoResponse = Record<string, never>;
/** The errcodes setAuthorizerOptionInfo may answer, -1 (system busy) and 45009 (daily quota used up) included. */
export type SetAuthorizerOptionInfoErrCode = -1 | 45009 | 41001 | 40001 | 40014 | 42001 | 48001 | 61003 | 44002 | 47001 | 61012 | 61007 | 61013;

/** Each endpoint's request type, by interface name. */
export interface Requests {
  getAccessToken: GetAccessTokenRequest;
  getStableAccessToken: GetStableAccessTokenRequest;
  startPushTicket: StartPushTicketRequest;
  getComponentAccessToken: GetComponentAccessTokenRequest;
  getPreAuthCode: GetPreAuthCodeRequest;
  getAuthorizerRefreshToken: GetAuthorizerRefreshTokenRequest;
  getAuthorizerAccessToken: GetAuthorizerAccessTokenRequest;
  getAuthorizerInfo: GetAuthorizerInfoRequest;
  setSearchStatus: SetSearchStatusRequest;
  getSearchStatus: Record<string, never>;
  modifyJumpDomainDirectly: ModifyJumpDomainDirectlyRequest;
  getJumpDomainConfirmFile: Record<string, never>;
  getEffectiveJumpDomain: Record<string, never>;
  modifyJumpDomain: ModifyJumpDomainRequest;
  addJumpQRCode: AddJumpQRCodeRequest;
  getJumpQRCode: GetJumpQRCodeRequest;
  deleteJumpQRCode: DeleteJumpQRCodeRequest;
  publishJumpQRCode: PublishJumpQRCodeRequest;
  downloadQRCodeText: Record<string, never>;
  linkMiniprogram: LinkMiniprogramRequest;
  getLinkMiniprogram: Record<string, never>;
  unlinkMiniprogram: UnlinkMiniprogramRequest;
  modifyThirdpartyServerDomain: ModifyThirdpartyServerDomainRequest;
  modifyThirdpartyJumpDomain: ModifyThirdpartyJumpDomainRequest;
  getThirdpartyJumpDomainConfirmFile: Record<string, never>;
  modifyServerDomain: ModifyServerDomainRequest;
  modifyServerDomainDirectly: ModifyServerDomainDirectlyRequest;
  getEffectiveServerDomain: Record<string, never>;
  getTemplateDraftList: Record<string, never>;
  addToTemplate: AddToTemplateRequest;
  getTemplateList: GetTemplateListRequest;
  deleteTemplate: DeleteTemplateRequest;
  commit: CommitRequest;
  getCodePage: Record<string, never>;
  getTrialQRCode: GetTrialQRCodeRequest;
  getAllCategoryName: Record<string, never>;
  getCodePrivacyInfo: Record<string, never>;
  submitAudit: SubmitAuditRequest;
  getAuditStatus: GetAuditStatusRequest;
  getLatestAuditStatus: Record<string, never>;
  undoAudit: Record<string, never>;
  speedupCodeAudit: SpeedupCodeAuditRequest;
  queryQuota: Record<string, never>;
  release: Record<string, never>;
  revertCodeRelease: RevertCodeReleaseRequest;
  getVersionInfo: Record<string, never>;
  grayRelease: GrayReleaseRequest;
  getGrayReleasePlan: Record<string, never>;
  revertGrayRelease: Record<string, never>;
  setVisitStatus: SetVisitStatusRequest;
  getVisitStatus: Record<string, never>;
  getApiQuota: GetApiQuotaRequest;
  clearQuota: ClearQuotaRequest;
  clearQuotaByAppSecret: ClearQuotaByAppSecretRequest;
  clearComponentQuota: ClearComponentQuotaRequest;
  clearComponentQuotaByAppSecret: ClearComponentQuotaByAppSecretRequest;
  clearApiQuota: ClearApiQuotaRequest;
  getRidInfo: GetRidInfoRequest;
  getAuthorizerList: GetAuthorizerListRequest;
  getAuthorizerOption: GetAuthorizerOptionRequest;
  setAuthorizerOption: SetAuthorizerOptionRequest;
  getAuthorizerOptionInfo: GetAuthorizerOptionInfoRequest;
  setAuthorizerOptionInfo: SetAuthorizerOptionInfoRequest;
}

/** Each endpoint's response type, by interface name. */
export interface Responses {
  getAccessToken: GetAccessTokenResponse;
  getStableAccessToken: GetStableAccessTokenResponse;
  startPushTicket: StartPushTicketResponse;
  getComponentAccessToken: GetComponentAccessTokenResponse;
  getPreAuthCode: GetPreAuthCodeResponse;
  getAuthorizerRefreshToken: GetAuthorizerRefreshTokenResponse;
  getAuthorizerAccessToken: GetAuthorizerAccessTokenResponse;
  getAuthorizerInfo: GetAuthorizerInfoResponse;
  setSearchStatus: SetSearchStatusResponse;
  getSearchStatus: GetSearchStatusResponse;
  modifyJumpDomainDirectly: ModifyJumpDomainDirectlyResponse;
  getJumpDomainConfirmFile: GetJumpDomainConfirmFileResponse;
  getEffectiveJumpDomain: GetEffectiveJumpDomainResponse;
  modifyJumpDomain: ModifyJumpDomainResponse;
  addJumpQRCode: AddJumpQRCodeResponse;
  getJumpQRCode: GetJumpQRCodeResponse;
  deleteJumpQRCode: DeleteJumpQRCodeResponse;
  publishJumpQRCode: PublishJumpQRCodeResponse;
  downloadQRCodeText: DownloadQRCodeTextResponse;
  linkMiniprogram: LinkMiniprogramResponse;
  getLinkMiniprogram: GetLinkMiniprogramResponse;
  unlinkMiniprogram: UnlinkMiniprogramResponse;
  modifyThirdpartyServerDomain: ModifyThirdpartyServerDomainResponse;
  modifyThirdpartyJumpDomain: ModifyThirdpartyJumpDomainResponse;
  getThirdpartyJumpDomainConfirmFile: GetThirdpartyJumpDomainConfirmFileResponse;
  modifyServerDomain: ModifyServerDomainResponse;
  modifyServerDomainDirectly: ModifyServerDomainDirectlyResponse;
  getEffectiveServerDomain: GetEffectiveServerDomainResponse;
  getTemplateDraftList: GetTemplateDraftListResponse;
  addToTemplate: AddToTemplateResponse;
  getTemplateList: GetTemplateListResponse;
  deleteTemplate: DeleteTemplateResponse;
  commit: CommitResponse;
  getCodePage: GetCodePageResponse;
  getTrialQRCode: GetTrialQRCodeResponse;
  getAllCategoryName: GetAllCategoryNameResponse;
  getCodePrivacyInfo: GetCodePrivacyInfoResponse;
  submitAudit: SubmitAuditResponse;
  getAuditStatus: GetAuditStatusResponse;
  getLatestAuditStatus: GetLatestAuditStatusResponse;
  undoAudit: UndoAuditResponse;
  speedupCodeAudit: SpeedupCodeAuditResponse;
  queryQuota: QueryQuotaResponse;
  release: ReleaseResponse;
  revertCodeRelease: RevertCodeReleaseResponse;
  getVersionInfo: GetVersionInfoResponse;
  grayRelease: GrayReleaseResponse;
  getGrayReleasePlan: GetGrayReleasePlanResponse;
  revertGrayRelease: RevertGrayReleaseResponse;
  setVisitStatus: SetVisitStatusResponse;
  getVisitStatus: GetVisitStatusResponse;
  getApiQuota: GetApiQuotaResponse;
  clearQuota: ClearQuotaResponse;
  clearQuotaByAppSecret: ClearQuotaByAppSecretResponse;
  clearComponentQuota: ClearComponentQuotaResponse;
  clearComponentQuotaByAppSecret: ClearComponentQuotaByAppSecretResponse;
  clearApiQuota: ClearApiQuotaResponse;
  getRidInfo: GetRidInfoResponse;
  getAuthorizerList: GetAuthorizerListResponse;
  getAuthorizerOption: GetAuthorizerOptionResponse;
  setAuthorizerOption: SetAuthorizerOptionResponse;
  getAuthorizerOptionInfo: GetAuthorizerOptionInfoResponse;
  setAuthorizerOptionInfo: SetAuthorizerOptionInfoResponse;
}

/** Each endpoint's errcodes type, by interface name. */
export interface ErrCodes {
  getAccessToken: GetAccessTokenErrCode;
  getStableAccessToken: GetStableAccessTokenErrCode;
  startPushTicket: StartPushTicketErrCode;
  getComponentAccessToken: GetComponentAccessTokenErrCode;
  getPreAuthCode: GetPreAuthCodeErrCode;
  getAuthorizerRefreshToken: GetAuthorizerRefreshTokenErrCode;
  getAuthorizerAccessToken: GetAuthorizerAccessTokenErrCode;
  getAuthorizerInfo: GetAuthorizerInfoErrCode;
  setSearchStatus: SetSearchStatusErrCode;
  getSearchStatus: GetSearchStatusErrCode;
  modifyJumpDomainDirectly: ModifyJumpDomainDirectlyErrCode;
  getJumpDomainConfirmFile: GetJumpDomainConfirmFileErrCode;
  getEffectiveJumpDomain: GetEffectiveJumpDomainErrCode;
  modifyJumpDomain: ModifyJumpDomainErrCode;
  addJumpQRCode: AddJumpQRCodeErrCode;
  getJumpQRCode: GetJumpQRCodeErrCode;
  deleteJumpQRCode: DeleteJumpQRCodeErrCode;
  publishJumpQRCode: PublishJumpQRCodeErrCode;
  downloadQRCodeText: DownloadQRCodeTextErrCode;
  linkMiniprogram: LinkMiniprogramErrCode;
  getLinkMiniprogram: GetLinkMiniprogramErrCode;
  unlinkMiniprogram: UnlinkMiniprogramErrCode;
  modifyThirdpartyServerDomain: ModifyThirdpartyServerDomainErrCode;
  modifyThirdpartyJumpDomain: ModifyThirdpartyJumpDomainErrCode;
  getThirdpartyJumpDomainConfirmFile: GetThirdpartyJumpDomainConfirmFileErrCode;
  modifyServerDomain: ModifyServerDomainErrCode;
  modifyServerDomainDirectly: ModifyServerDomainDirectlyErrCode;
  getEffectiveServerDomain: GetEffectiveServerDomainErrCode;
  getTemplateDraftList: GetTemplateDraftListErrCode;
  addToTemplate: AddToTemplateErrCode;
  getTemplateList: GetTemplateListErrCode;
  deleteTemplate: DeleteTemplateErrCode;
  commit: CommitErrCode;
  getCodePage: GetCodePageErrCode;
  getTrialQRCode: GetTrialQRCodeErrCode;
  getAllCategoryName: GetAllCategoryNameErrCode;
  getCodePrivacyInfo: GetCodePrivacyInfoErrCode;
  submitAudit: SubmitAuditErrCode;
  getAuditStatus: GetAuditStatusErrCode;
  getLatestAuditStatus: GetLatestAuditStatusErrCode;
  undoAudit: UndoAuditErrCode;
  speedupCodeAudit: SpeedupCodeAuditErrCode;
  queryQuota: QueryQuotaErrCode;
  release: ReleaseErrCode;
  revertCodeRelease: RevertCodeReleaseErrCode;
  getVersionInfo: GetVersionInfoErrCode;
  grayRelease: GrayReleaseErrCode;
  getGrayReleasePlan: GetGrayReleasePlanErrCode;
  revertGrayRelease: RevertGrayReleaseErrCode;
  setVisitStatus: SetVisitStatusErrCode;
  getVisitStatus: GetVisitStatusErrCode;
  getApiQuota: GetApiQuotaErrCode;
  clearQuota: ClearQuotaErrCode;
  clearQuotaByAppSecret: ClearQuotaByAppSecretErrCode;
  clearComponentQuota: ClearComponentQuotaErrCode;
  clearComponentQuotaByAppSecret: ClearComponentQuotaByAppSecretErrCode;
  clearApiQuota: ClearApiQuotaErrCode;
  getRidInfo: GetRidInfoErrCode;
  getAuthorizerList: GetAuthorizerListErrCode;
  getAuthorizerOption: GetAuthorizerOptionErrCode;
  setAuthorizerOption: SetAuthorizerOptionErrCode;
  getAuthorizerOptionInfo: GetAuthorizerOptionInfoErrCode;
  setAuthorizerOptionInfo: SetAuthorizerOptionInfoErrCode;
}

/** The token endpoints: their requests carry the credentials. */
export interface TokenlessMethods {
  /**
   * An account's own access token from its appid and secret; each call supersedes the previous token.
   *
   * WeChat's getAccessToken: `GET /cgi-bin/token`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 40002 grant_type is not client_credential
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61024 a component appid on /cgi-bin/token
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 40164 caller IP not allowed
   * @throws {WeChatError} 40243 AppSecret frozen
   */
  getAccessToken(request: GetAccessTokenRequest, options?: CallOptions): Promise<GetAccessTokenResponse>;
  /**
   * An account's own stable access token: the same token until it expires, unless force_refresh.
   *
   * WeChat's getStableAccessToken: `POST /cgi-bin/stable_token`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 43002 GET on a POST-only endpoint
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 40002 grant_type is not client_credential
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61024 a component appid on /cgi-bin/token
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 40164 caller IP not allowed
   * @throws {WeChatError} 40243 AppSecret frozen
   * @throws {WeChatError} 45011 per-minute quota used up
   */
  getStableAccessToken(request: GetStableAccessTokenRequest, options?: CallOptions): Promise<GetStableAccessTokenResponse>;
  /**
   * Asks WeChat to push a component_verify_ticket now.
   *
   * WeChat's startPushTicket: `POST /cgi-bin/component/api_start_push_ticket`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61011 appid is not a component
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   */
  startPushTicket(request: StartPushTicketRequest, options?: CallOptions): Promise<StartPushTicketResponse>;
  /**
   * The component_access_token, from the component's secret and its latest verify ticket.
   *
   * WeChat's getComponentAccessToken: `POST /cgi-bin/component/api_component_token`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61011 appid is not a component
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61006 verify ticket unknown or of another component
   * @throws {WeChatError} 61005 verify ticket older than 12 h
   */
  getComponentAccessToken(request: GetComponentAccessTokenRequest, options?: CallOptions): Promise<GetComponentAccessTokenResponse>;
  /**
   * Sets an account's daily API counters back to zero, with its AppSecret (10 clears a month).
   *
   * WeChat's clearQuotaByAppSecret: `POST /cgi-bin/clear_quota/v2`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61024 a component appid on /cgi-bin/token
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearQuotaByAppSecret(request: ClearQuotaByAppSecretRequest, options?: CallOptions): Promise<ClearQuotaByAppSecretResponse>;
  /**
   * Sets the component's daily API counters, or an authorized account's, back to zero with the component's secret.
   *
   * WeChat's clearComponentQuotaByAppSecret: `POST /cgi-bin/component/clear_quota/v2`, with no token: the request carries the credentials.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 41004 no secret
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61011 appid is not a component
   * @throws {WeChatError} 40125 wrong secret
   * @throws {WeChatError} 43007 appid not authorized to this component
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearComponentQuotaByAppSecret(request: ClearComponentQuotaByAppSecretRequest, options?: CallOptions): Promise<ClearComponentQuotaByAppSecretResponse>;
}

/** Called with the component_access_token. */
export interface ComponentMethods {
  /**
   * A pre_auth_code for the authorization page.
   *
   * WeChat's getPreAuthCode: `POST /cgi-bin/component/api_create_preauthcode`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   */
  getPreAuthCode(request?: GetPreAuthCodeRequest, options?: CallOptions): Promise<GetPreAuthCodeResponse>;
  /**
   * Redeems an authorization code (api_query_auth): the account's access and refresh tokens and what it granted.
   *
   * WeChat's getAuthorizerRefreshToken: `POST /cgi-bin/component/api_query_auth`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61009 authorization code unknown
   * @throws {WeChatError} 61010 authorization code past its lifetime
   */
  getAuthorizerRefreshToken(request: GetAuthorizerRefreshTokenRequest, options?: CallOptions): Promise<GetAuthorizerRefreshTokenResponse>;
  /**
   * A new authorizer_access_token from the account's refresh token.
   *
   * WeChat's getAuthorizerAccessToken: `POST /cgi-bin/component/api_authorizer_token`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61023 refresh token unknown, replaced or revoked
   */
  getAuthorizerAccessToken(request: GetAuthorizerAccessTokenRequest, options?: CallOptions): Promise<GetAuthorizerAccessTokenResponse>;
  /**
   * An authorized account's profile and what it granted the component.
   *
   * WeChat's getAuthorizerInfo: `POST /cgi-bin/component/api_get_authorizer_info`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61003 authorization revoked or never given
   */
  getAuthorizerInfo(request: GetAuthorizerInfoRequest, options?: CallOptions): Promise<GetAuthorizerInfoResponse>;
  /**
   * Adds, deletes, sets or gets the component's server-domain pool (testing value, and the published one with it).
   *
   * WeChat's modifyThirdpartyServerDomain: `POST /cgi-bin/component/modify_wxa_server_domain`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 61028 component never published
   * @throws {WeChatError} 65316 more than 1000 domains in a pool
   * @throws {WeChatError} 45104 51st server-domain change this month
   */
  modifyThirdpartyServerDomain(request: ModifyThirdpartyServerDomainRequest, options?: CallOptions): Promise<ModifyThirdpartyServerDomainResponse>;
  /**
   * Adds, deletes, sets or gets the component's business-domain pool (testing value, and the published one with it).
   *
   * WeChat's modifyThirdpartyJumpDomain: `POST /cgi-bin/component/modify_wxa_jump_domain`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 61028 component never published
   * @throws {WeChatError} 65316 more than 1000 domains in a pool
   * @throws {WeChatError} 45104 51st server-domain change this month
   * @throws {WeChatError} 9410016 some domains failed validation
   */
  modifyThirdpartyJumpDomain(request: ModifyThirdpartyJumpDomainRequest, options?: CallOptions): Promise<ModifyThirdpartyJumpDomainResponse>;
  /**
   * The confirm file for the component's business-domain pool.
   *
   * WeChat's getThirdpartyJumpDomainConfirmFile: `POST /cgi-bin/component/get_domain_confirmfile`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getThirdpartyJumpDomainConfirmFile(request?: Record<string, never>, options?: CallOptions): Promise<GetThirdpartyJumpDomainConfirmFileResponse>;
  /**
   * The component's draft box: code uploaded from DevTools.
   *
   * WeChat's getTemplateDraftList: `GET /wxa/gettemplatedraftlist`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getTemplateDraftList(request?: Record<string, never>, options?: CallOptions): Promise<GetTemplateDraftListResponse>;
  /**
   * Turns a draft into a code template of the component's template library.
   *
   * WeChat's addToTemplate: `POST /wxa/addtotemplate`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 85064 unknown draft or template
   * @throws {WeChatError} 85065 200 templates of this type already
   * @throws {WeChatError} -38 unrelated template API; evidence of empty bases
   */
  addToTemplate(request: AddToTemplateRequest, options?: CallOptions): Promise<AddToTemplateResponse>;
  /**
   * The component's code templates.
   *
   * WeChat's getTemplateList: `GET /wxa/gettemplatelist`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getTemplateList(request?: GetTemplateListRequest, options?: CallOptions): Promise<GetTemplateListResponse>;
  /**
   * Deletes a code template.
   *
   * WeChat's deleteTemplate: `POST /wxa/deletetemplate`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85064 unknown draft or template
   */
  deleteTemplate(request: DeleteTemplateRequest, options?: CallOptions): Promise<DeleteTemplateResponse>;
  /**
   * An API's daily quota for the token's account: limit, used and remaining today.
   *
   * WeChat's getApiQuota: `POST /cgi-bin/openapi/quota/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   */
  getApiQuota(request: GetApiQuotaRequest, options?: CallOptions): Promise<GetApiQuotaResponse>;
  /**
   * Sets every daily API counter of the token's account back to zero (10 clears a month).
   *
   * WeChat's clearQuota: `POST /cgi-bin/clear_quota`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearQuota(request: ClearQuotaRequest, options?: CallOptions): Promise<ClearQuotaResponse>;
  /**
   * Sets the component's own daily API counters back to zero (the older path).
   *
   * WeChat's clearComponentQuota: `POST /cgi-bin/component/clear_quota`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearComponentQuota(request?: ClearComponentQuotaRequest, options?: CallOptions): Promise<ClearComponentQuotaResponse>;
  /**
   * Sets one API's daily counter of the token's account back to zero (50 a month).
   *
   * WeChat's clearApiQuota: `POST /cgi-bin/openapi/quota/clear`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearApiQuota(request: ClearApiQuotaRequest, options?: CallOptions): Promise<ClearApiQuotaResponse>;
  /**
   * The request and response behind the rid of an error the same account was answered.
   *
   * WeChat's getRidInfo: `POST /cgi-bin/openapi/rid/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76002 rid empty or malformed
   * @throws {WeChatError} 76004 rid older than 7 days, or from the future
   * @throws {WeChatError} 76001 rid not stored
   * @throws {WeChatError} 76003 another account's rid
   */
  getRidInfo(request: GetRidInfoRequest, options?: CallOptions): Promise<GetRidInfoResponse>;
  /**
   * The accounts authorized to the component, a page at a time (at most 500).
   *
   * WeChat's getAuthorizerList: `POST /cgi-bin/component/api_get_authorizer_list`, with the component_access_token.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   */
  getAuthorizerList(request: GetAuthorizerListRequest, options?: CallOptions): Promise<GetAuthorizerListResponse>;
  /**
   * One of an authorized account's options (location_report, voice_recognize, customer_service).
   *
   * WeChat's getAuthorizerOption: `POST /cgi-bin/component/api_get_authorizer_option`, with the component_access_token (an authorizer_access_token too).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   */
  getAuthorizerOption(request: GetAuthorizerOptionRequest, options?: CallOptions): Promise<GetAuthorizerOptionResponse>;
  /**
   * Sets one of an authorized account's options.
   *
   * WeChat's setAuthorizerOption: `POST /cgi-bin/component/api_set_authorizer_option`, with the component_access_token (an authorizer_access_token too).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41018 no component_appid in the body
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 61013 value not allowed for that option
   */
  setAuthorizerOption(request: SetAuthorizerOptionRequest, options?: CallOptions): Promise<SetAuthorizerOptionResponse>;
}

/** Called with a Mini Program's authorizer_access_token. */
export interface MiniProgramMethods {
  /**
   * Makes the Mini Program searchable (0) or hidden from search (1).
   *
   * WeChat's setSearchStatus: `POST /wxa/changewxasearchstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85083 the search flag is locked by WeChat
   * @throws {WeChatError} 85084 status not 0 or 1
   */
  setSearchStatus(request: SetSearchStatusRequest, options?: CallOptions): Promise<SetSearchStatusResponse>;
  /**
   * Whether the Mini Program can be found by search.
   *
   * WeChat's getSearchStatus: `GET /wxa/getwxasearchstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getSearchStatus(request?: Record<string, never>, options?: CallOptions): Promise<GetSearchStatusResponse>;
  /**
   * Adds, deletes, sets or gets the Mini Program's business domains directly (confirm files must be in place).
   *
   * WeChat's modifyJumpDomainDirectly: `POST /wxa/setwebviewdomain_directly`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 86103 verification file missing or wrong at the domain root
   * @throws {WeChatError} 89029 too many business domains
   * @throws {WeChatError} 89231 personal MP cannot use this API
   * @throws {WeChatError} 506015 the domain is bound by MPs of 100 subjects
   */
  modifyJumpDomainDirectly(request: ModifyJumpDomainDirectlyRequest, options?: CallOptions): Promise<ModifyJumpDomainDirectlyResponse>;
  /**
   * The confirm file to put at the root of each business domain.
   *
   * WeChat's getJumpDomainConfirmFile: `POST /wxa/get_webviewdomain_confirmfile`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getJumpDomainConfirmFile(request?: Record<string, never>, options?: CallOptions): Promise<GetJumpDomainConfirmFileResponse>;
  /**
   * The Mini Program's business domains from each source and those in force.
   *
   * WeChat's getEffectiveJumpDomain: `POST /wxa/get_effective_webviewdomain`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getEffectiveJumpDomain(request?: Record<string, never>, options?: CallOptions): Promise<GetEffectiveJumpDomainResponse>;
  /**
   * Adds, deletes, sets or gets the Mini Program's business domains from the component's jump-domain pool.
   *
   * WeChat's modifyJumpDomain: `POST /wxa/setwebviewdomain`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 89019 setwebviewdomain changed nothing
   * @throws {WeChatError} 89020 component has no jump domains
   * @throws {WeChatError} 89021 domain not in the component's jump-domain pool
   * @throws {WeChatError} 89022 deleting a domain that is not configured
   * @throws {WeChatError} 89029 too many business domains
   * @throws {WeChatError} 89231 personal MP cannot use this API
   */
  modifyJumpDomain(request?: ModifyJumpDomainRequest, options?: CallOptions): Promise<ModifyJumpDomainResponse>;
  /**
   * Adds or edits a rule that opens the Mini Program when a URL's QR code is scanned.
   *
   * WeChat's addJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpadd`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 40166 appid is not a valid Mini Program
   * @throws {WeChatError} 85066 QR rule prefix invalid
   * @throws {WeChatError} 85068 a debug_url does not start with the prefix
   * @throws {WeChatError} 85069 verification file not found for the prefix
   * @throws {WeChatError} 85070 prefix blacklisted
   * @throws {WeChatError} 85071 prefix already added by this account
   * @throws {WeChatError} 85072 prefix held by another account
   * @throws {WeChatError} 85073 rule quota full
   * @throws {WeChatError} 85076 prefix domain has no ICP filing
   */
  addJumpQRCode(request: AddJumpQRCodeRequest, options?: CallOptions): Promise<AddJumpQRCodeResponse>;
  /**
   * The account's QR-code jump rules, the publishes left this month and whether the feature is on.
   *
   * WeChat's getJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpget`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   */
  getJumpQRCode(request?: GetJumpQRCodeRequest, options?: CallOptions): Promise<GetJumpQRCodeResponse>;
  /**
   * Deletes a QR-code jump rule.
   *
   * WeChat's deleteJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpdelete`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   */
  deleteJumpQRCode(request: DeleteJumpQRCodeRequest, options?: CallOptions): Promise<DeleteJumpQRCodeResponse>;
  /**
   * Publishes a QR-code jump rule so that scans of its prefix open the Mini Program.
   *
   * WeChat's publishJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumppublish`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 85074 the MP has no released code
   * @throws {WeChatError} 886000 100 rule publishes this month used up
   */
  publishJumpQRCode(request: PublishJumpQRCodeRequest, options?: CallOptions): Promise<PublishJumpQRCodeResponse>;
  /**
   * The verification file to put under a QR-code rule's prefix.
   *
   * WeChat's downloadQRCodeText: `POST /cgi-bin/wxopen/qrcodejumpdownload`, with an authorizer_access_token of a miniprogram (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   */
  downloadQRCodeText(request?: Record<string, never>, options?: CallOptions): Promise<DownloadQRCodeTextResponse>;
  /**
   * Adds, deletes, sets or gets the Mini Program's server domains from the component's pool (50 changes a month).
   *
   * WeChat's modifyServerDomain: `POST /wxa/modify_domain`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 85016 more than 200 entries in one server-domain kind
   * @throws {WeChatError} 85017 nothing to change and nothing rejected
   * @throws {WeChatError} 85301 nothing to change and some entries rejected as invalid
   * @throws {WeChatError} 85302 nothing to change and some entries lack an ICP filing
   * @throws {WeChatError} 85303 both 85301 and 85302 causes
   * @throws {WeChatError} 86102 50 server-domain modifications this month used up
   */
  modifyServerDomain(request: ModifyServerDomainRequest, options?: CallOptions): Promise<ModifyServerDomainResponse>;
  /**
   * Adds, deletes, sets or gets the Mini Program's server domains directly.
   *
   * WeChat's modifyServerDomainDirectly: `POST /wxa/modify_domain_directly`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40052 action not one of add/delete/set/get
   * @throws {WeChatError} 86100 scheme does not fit its kind, or malformed entry
   * @throws {WeChatError} 86101 api.weixin.qq.com cannot be configured
   * @throws {WeChatError} 45082 host has no ICP filing
   * @throws {WeChatError} 85016 more than 200 entries in one server-domain kind
   * @throws {WeChatError} 86102 50 server-domain modifications this month used up
   */
  modifyServerDomainDirectly(request: ModifyServerDomainDirectlyRequest, options?: CallOptions): Promise<ModifyServerDomainDirectlyResponse>;
  /**
   * The Mini Program's server domains from each source and those in force.
   *
   * WeChat's getEffectiveServerDomain: `POST /wxa/get_effective_domain`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getEffectiveServerDomain(request?: Record<string, never>, options?: CallOptions): Promise<GetEffectiveServerDomainResponse>;
  /**
   * Uploads a template's code to the Mini Program as its trial version.
   *
   * WeChat's commit: `POST /wxa/commit`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 85013 ext_json of the wrong shape, or a foreign extAppid
   * @throws {WeChatError} 85014 template_id not in the platform's library
   * @throws {WeChatError} 85044 commit: the code package is over 20 MB
   * @throws {WeChatError} 85045 commit: ext_json names a page the template lacks
   * @throws {WeChatError} 85046 commit: a tab-bar item without a valid pagePath
   * @throws {WeChatError} 85047 commit: ext_json pages is empty
   * @throws {WeChatError} 85048 commit: ext_json missing or not JSON text
   * @throws {WeChatError} 85310 commit: requiredPrivateInfos names an unknown API
   * @throws {WeChatError} 85311 commit: getFuzzyLocation with a precise location API
   * @throws {WeChatError} 85312 commit: a privacy API the account may not use
   * @throws {WeChatError} 9402203 commit: a standard template with ext_json keys besides extAppid, ext, window
   * @throws {WeChatError} 85043 commit: the template is broken (fault injection)
   * @throws {WeChatError} 9402202 too many concurrent requests (fault injection)
   */
  commit(request: CommitRequest, options?: CallOptions): Promise<CommitResponse>;
  /**
   * The pages of the Mini Program's trial version.
   *
   * WeChat's getCodePage: `GET /wxa/get_page`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 86001 no trial version (nothing committed)
   */
  getCodePage(request?: Record<string, never>, options?: CallOptions): Promise<GetCodePageResponse>;
  /**
   * The trial version's QR code, as a JPEG.
   *
   * WeChat's getTrialQRCode: `GET /wxa/get_qrcode`, with an authorizer_access_token of a miniprogram (permission set 18 or 86).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 86001 no trial version (nothing committed)
   */
  getTrialQRCode(request?: GetTrialQRCodeRequest, options?: CallOptions): Promise<GetTrialQRCodeResponse>;
  /**
   * The Mini Program's categories, for an audit submission.
   *
   * WeChat's getAllCategoryName: `GET /wxa/get_category`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getAllCategoryName(request?: Record<string, never>, options?: CallOptions): Promise<GetAllCategoryNameResponse>;
  /**
   * Whether the trial version's privacy settings pass the check before an audit.
   *
   * WeChat's getCodePrivacyInfo: `GET /wxa/security/get_code_privacy_info`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 86001 no trial version (nothing committed)
   * @throws {WeChatError} 61039 the commit's privacy-API scan is still running
   */
  getCodePrivacyInfo(request?: Record<string, never>, options?: CallOptions): Promise<GetCodePrivacyInfoResponse>;
  /**
   * Submits the trial version for WeChat's audit.
   *
   * WeChat's submitAudit: `POST /wxa/submit_audit`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 86002 nickname, avatar or introduction missing
   * @throws {WeChatError} 85086 submit_audit: no trial version
   * @throws {WeChatError} 85009 an audit is pending
   * @throws {WeChatError} 85023 submit_audit: item_list not a list of at most 5
   * @throws {WeChatError} 85010 submit_audit: an item lacks its category fields
   * @throws {WeChatError} 85006 submit_audit: more than 10 tags, or a tag over 20 characters
   * @throws {WeChatError} 85007 submit_audit: an address that is not a page of the trial version
   * @throws {WeChatError} 85011 submit_audit: a title over 32 characters
   * @throws {WeChatError} 85008 submit_audit: a category that is not the Mini Program's
   * @throws {WeChatError} 85094 submit_audit: a UGC category without ugc_declare
   * @throws {WeChatError} 61039 the commit's privacy-API scan is still running
   * @throws {WeChatError} 61040 a privacy API the code uses is undeclared or not permitted
   * @throws {WeChatError} 85085 the platform's audits this month are used up
   * @throws {WeChatError} 85051 submit_audit: the body is too large (fault injection)
   * @throws {WeChatError} 85092 submit_audit: bad preview_info (fault injection)
   * @throws {WeChatError} 87006 submit_audit: a game (fault injection)
   * @throws {WeChatError} 9402202 too many concurrent requests (fault injection)
   */
  submitAudit(request?: SubmitAuditRequest, options?: CallOptions): Promise<SubmitAuditResponse>;
  /**
   * The status of one audit.
   *
   * WeChat's getAuditStatus: `POST /wxa/get_auditstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85012 auditid unknown, or another Mini Program's
   */
  getAuditStatus(request: GetAuditStatusRequest, options?: CallOptions): Promise<GetAuditStatusResponse>;
  /**
   * The status of the latest audit.
   *
   * WeChat's getLatestAuditStatus: `GET /wxa/get_latest_auditstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85058 get_latest_auditstatus: never audited
   */
  getLatestAuditStatus(request?: Record<string, never>, options?: CallOptions): Promise<GetLatestAuditStatusResponse>;
  /**
   * Withdraws the audit in progress.
   *
   * WeChat's undoAudit: `GET /wxa/undocodeaudit`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 87012 no version to roll back to; no pending audit to undo
   * @throws {WeChatError} 87013 undocodeaudit: 5 a day or 10 a month used
   */
  undoAudit(request?: Record<string, never>, options?: CallOptions): Promise<UndoAuditResponse>;
  /**
   * Asks for a faster audit (counts against the speed-up quota).
   *
   * WeChat's speedupCodeAudit: `POST /wxa/speedupaudit`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 89402 speedupaudit: not the pending audit
   * @throws {WeChatError} 89404 speedupaudit: sped up already
   * @throws {WeChatError} 89405 speedupaudit: the month's speed-ups are used up
   */
  speedupCodeAudit(request: SpeedupCodeAuditRequest, options?: CallOptions): Promise<SpeedupCodeAuditResponse>;
  /**
   * The audit and speed-up quota left this month.
   *
   * WeChat's queryQuota: `GET /wxa/queryquota`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  queryQuota(request?: Record<string, never>, options?: CallOptions): Promise<QueryQuotaResponse>;
  /**
   * Releases the audited version.
   *
   * WeChat's release: `POST /wxa/release`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85019 release: never audited
   * @throws {WeChatError} 85020 release: the latest audit did not pass, or a commit came after the pass
   * @throws {WeChatError} 85052 release: the passed version is online already
   */
  release(request?: Record<string, never>, options?: CallOptions): Promise<ReleaseResponse>;
  /**
   * Rolls the release back to the previous version, or lists the versions it could roll back to.
   *
   * WeChat's revertCodeRelease: `GET /wxa/revertcoderelease`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 87011 revertcoderelease: a gray release is running
   * @throws {WeChatError} 87012 no version to roll back to; no pending audit to undo
   */
  revertCodeRelease(request?: RevertCodeReleaseRequest, options?: CallOptions): Promise<RevertCodeReleaseResponse>;
  /**
   * The Mini Program's trial and released versions.
   *
   * WeChat's getVersionInfo: `POST /wxa/getversioninfo`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getVersionInfo(request?: Record<string, never>, options?: CallOptions): Promise<GetVersionInfoResponse>;
  /**
   * Releases the audited version to a percentage of users.
   *
   * WeChat's grayRelease: `POST /wxa/grayrelease`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 86002 nickname, avatar or introduction missing
   * @throws {WeChatError} 85079 grayrelease: nothing is online
   * @throws {WeChatError} 85080 grayrelease: no passed audit to release
   * @throws {WeChatError} 85081 grayrelease: gray_percentage not 0-100
   * @throws {WeChatError} 85082 grayrelease: lower than the running plan
   */
  grayRelease(request: GrayReleaseRequest, options?: CallOptions): Promise<GrayReleaseResponse>;
  /**
   * The gray release in progress.
   *
   * WeChat's getGrayReleasePlan: `GET /wxa/getgrayreleaseplan`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getGrayReleasePlan(request?: Record<string, never>, options?: CallOptions): Promise<GetGrayReleasePlanResponse>;
  /**
   * Cancels the gray release.
   *
   * WeChat's revertGrayRelease: `GET /wxa/revertgrayrelease`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  revertGrayRelease(request?: Record<string, never>, options?: CallOptions): Promise<RevertGrayReleaseResponse>;
  /**
   * Opens or closes the released Mini Program to visitors.
   *
   * WeChat's setVisitStatus: `POST /wxa/change_visitstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 85022 change_visitstatus: action is not open or close
   */
  setVisitStatus(request: SetVisitStatusRequest, options?: CallOptions): Promise<SetVisitStatusResponse>;
  /**
   * Whether the released Mini Program is open to visitors.
   *
   * WeChat's getVisitStatus: `POST /wxa/getvisitstatus`, with an authorizer_access_token of a miniprogram (permission set 18).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 86000 a Mini Program's own token on a code API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getVisitStatus(request?: Record<string, never>, options?: CallOptions): Promise<GetVisitStatusResponse>;
  /**
   * An API's daily quota for the token's account: limit, used and remaining today.
   *
   * WeChat's getApiQuota: `POST /cgi-bin/openapi/quota/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   */
  getApiQuota(request: GetApiQuotaRequest, options?: CallOptions): Promise<GetApiQuotaResponse>;
  /**
   * Sets every daily API counter of the token's account back to zero (10 clears a month).
   *
   * WeChat's clearQuota: `POST /cgi-bin/clear_quota`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearQuota(request: ClearQuotaRequest, options?: CallOptions): Promise<ClearQuotaResponse>;
  /**
   * Sets one API's daily counter of the token's account back to zero (50 a month).
   *
   * WeChat's clearApiQuota: `POST /cgi-bin/openapi/quota/clear`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearApiQuota(request: ClearApiQuotaRequest, options?: CallOptions): Promise<ClearApiQuotaResponse>;
  /**
   * The request and response behind the rid of an error the same account was answered.
   *
   * WeChat's getRidInfo: `POST /cgi-bin/openapi/rid/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76002 rid empty or malformed
   * @throws {WeChatError} 76004 rid older than 7 days, or from the future
   * @throws {WeChatError} 76001 rid not stored
   * @throws {WeChatError} 76003 another account's rid
   */
  getRidInfo(request: GetRidInfoRequest, options?: CallOptions): Promise<GetRidInfoResponse>;
  /**
   * One of the token's account's options, as its component set it.
   *
   * WeChat's getAuthorizerOptionInfo: `POST /cgi-bin/component/get_authorizer_option`, with an authorizer_access_token of a miniprogram or official_account (any permission set).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   */
  getAuthorizerOptionInfo(request: GetAuthorizerOptionInfoRequest, options?: CallOptions): Promise<GetAuthorizerOptionInfoResponse>;
  /**
   * Sets one of the token's account's options.
   *
   * WeChat's setAuthorizerOptionInfo: `POST /cgi-bin/component/set_authorizer_option`, with an authorizer_access_token of a miniprogram or official_account (any permission set).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 61013 value not allowed for that option
   */
  setAuthorizerOptionInfo(request: SetAuthorizerOptionInfoRequest, options?: CallOptions): Promise<SetAuthorizerOptionInfoResponse>;
}

/** Called with an Official Account's authorizer_access_token. */
export interface OfficialAccountMethods {
  /**
   * Adds or edits a rule that opens the Mini Program when a URL's QR code is scanned.
   *
   * WeChat's addJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpadd`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 40166 appid is not a valid Mini Program
   * @throws {WeChatError} 85066 QR rule prefix invalid
   * @throws {WeChatError} 85068 a debug_url does not start with the prefix
   * @throws {WeChatError} 85069 verification file not found for the prefix
   * @throws {WeChatError} 85070 prefix blacklisted
   * @throws {WeChatError} 85071 prefix already added by this account
   * @throws {WeChatError} 85072 prefix held by another account
   * @throws {WeChatError} 85073 rule quota full
   * @throws {WeChatError} 85076 prefix domain has no ICP filing
   */
  addJumpQRCode(request: AddJumpQRCodeRequest, options?: CallOptions): Promise<AddJumpQRCodeResponse>;
  /**
   * The account's QR-code jump rules, the publishes left this month and whether the feature is on.
   *
   * WeChat's getJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpget`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   */
  getJumpQRCode(request?: GetJumpQRCodeRequest, options?: CallOptions): Promise<GetJumpQRCodeResponse>;
  /**
   * Deletes a QR-code jump rule.
   *
   * WeChat's deleteJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpdelete`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   */
  deleteJumpQRCode(request: DeleteJumpQRCodeRequest, options?: CallOptions): Promise<DeleteJumpQRCodeResponse>;
  /**
   * Publishes a QR-code jump rule so that scans of its prefix open the Mini Program.
   *
   * WeChat's publishJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumppublish`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 85074 the MP has no released code
   * @throws {WeChatError} 886000 100 rule publishes this month used up
   */
  publishJumpQRCode(request: PublishJumpQRCodeRequest, options?: CallOptions): Promise<PublishJumpQRCodeResponse>;
  /**
   * Invites a Mini Program to link to the Official Account; its admin then accepts or refuses.
   *
   * WeChat's linkMiniprogram: `POST /cgi-bin/wxopen/wxamplink`, with an authorizer_access_token of a official_account (permission set 33).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 1003 the MP admin has reached the limit of accounts bound to their WeChat ID
   * @throws {WeChatError} 1005 the MP admin's phone number has reached its bound-account limit
   * @throws {WeChatError} 1006 the admin's phone number is blacklisted
   * @throws {WeChatError} 89007 the OA's monthly new-link quota is used up
   * @throws {WeChatError} 89008 OA or MP is an overseas account
   * @throws {WeChatError} 89009 the MP has reached its maximum of linked OAs
   * @throws {WeChatError} 89010 an invitation for this pair is already pending
   * @throws {WeChatError} 89013 MP banned
   * @throws {WeChatError} 89015 the MP is already linked to this OA
   * @throws {WeChatError} 89016 same-subject MP quota reached
   * @throws {WeChatError} 89017 different-subject MP quota reached
   * @throws {WeChatError} 89035 a console-started link awaits the MP admin
   * @throws {WeChatError} 89245 the MP forbids OAs to link it
   */
  linkMiniprogram(request: LinkMiniprogramRequest, options?: CallOptions): Promise<LinkMiniprogramResponse>;
  /**
   * The Mini Programs linked, or being linked, to the Official Account.
   *
   * WeChat's getLinkMiniprogram: `POST /cgi-bin/wxopen/wxamplinkget`, with an authorizer_access_token of a official_account (permission set 33).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   */
  getLinkMiniprogram(request?: Record<string, never>, options?: CallOptions): Promise<GetLinkMiniprogramResponse>;
  /**
   * Unlinks a Mini Program from the Official Account.
   *
   * WeChat's unlinkMiniprogram: `POST /cgi-bin/wxopen/wxampunlink`, with an authorizer_access_token of a official_account (permission set 33).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 89011 MP shown in nearby; cannot unlink
   * @throws {WeChatError} 89012 store/mall MP; cannot unlink
   * @throws {WeChatError} 89013 MP banned
   * @throws {WeChatError} 89018 an unlink request is already pending
   */
  unlinkMiniprogram(request: UnlinkMiniprogramRequest, options?: CallOptions): Promise<UnlinkMiniprogramResponse>;
  /**
   * An API's daily quota for the token's account: limit, used and remaining today.
   *
   * WeChat's getApiQuota: `POST /cgi-bin/openapi/quota/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   */
  getApiQuota(request: GetApiQuotaRequest, options?: CallOptions): Promise<GetApiQuotaResponse>;
  /**
   * Sets every daily API counter of the token's account back to zero (10 clears a month).
   *
   * WeChat's clearQuota: `POST /cgi-bin/clear_quota`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearQuota(request: ClearQuotaRequest, options?: CallOptions): Promise<ClearQuotaResponse>;
  /**
   * Sets one API's daily counter of the token's account back to zero (50 a month).
   *
   * WeChat's clearApiQuota: `POST /cgi-bin/openapi/quota/clear`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearApiQuota(request: ClearApiQuotaRequest, options?: CallOptions): Promise<ClearApiQuotaResponse>;
  /**
   * The request and response behind the rid of an error the same account was answered.
   *
   * WeChat's getRidInfo: `POST /cgi-bin/openapi/rid/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76002 rid empty or malformed
   * @throws {WeChatError} 76004 rid older than 7 days, or from the future
   * @throws {WeChatError} 76001 rid not stored
   * @throws {WeChatError} 76003 another account's rid
   */
  getRidInfo(request: GetRidInfoRequest, options?: CallOptions): Promise<GetRidInfoResponse>;
  /**
   * One of the token's account's options, as its component set it.
   *
   * WeChat's getAuthorizerOptionInfo: `POST /cgi-bin/component/get_authorizer_option`, with an authorizer_access_token of a miniprogram or official_account (any permission set).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   */
  getAuthorizerOptionInfo(request: GetAuthorizerOptionInfoRequest, options?: CallOptions): Promise<GetAuthorizerOptionInfoResponse>;
  /**
   * Sets one of the token's account's options.
   *
   * WeChat's setAuthorizerOptionInfo: `POST /cgi-bin/component/set_authorizer_option`, with an authorizer_access_token of a miniprogram or official_account (any permission set).
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 61012 option_name unknown
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 61013 value not allowed for that option
   */
  setAuthorizerOptionInfo(request: SetAuthorizerOptionInfoRequest, options?: CallOptions): Promise<SetAuthorizerOptionInfoResponse>;
}

/** Called with an account's own access token (its stable token). */
export interface AccountMethods {
  /**
   * Adds or edits a rule that opens the Mini Program when a URL's QR code is scanned.
   *
   * WeChat's addJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpadd`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 40166 appid is not a valid Mini Program
   * @throws {WeChatError} 85066 QR rule prefix invalid
   * @throws {WeChatError} 85068 a debug_url does not start with the prefix
   * @throws {WeChatError} 85069 verification file not found for the prefix
   * @throws {WeChatError} 85070 prefix blacklisted
   * @throws {WeChatError} 85071 prefix already added by this account
   * @throws {WeChatError} 85072 prefix held by another account
   * @throws {WeChatError} 85073 rule quota full
   * @throws {WeChatError} 85076 prefix domain has no ICP filing
   */
  addJumpQRCode(request: AddJumpQRCodeRequest, options?: CallOptions): Promise<AddJumpQRCodeResponse>;
  /**
   * The account's QR-code jump rules, the publishes left this month and whether the feature is on.
   *
   * WeChat's getJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpget`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   */
  getJumpQRCode(request?: GetJumpQRCodeRequest, options?: CallOptions): Promise<GetJumpQRCodeResponse>;
  /**
   * Deletes a QR-code jump rule.
   *
   * WeChat's deleteJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumpdelete`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   */
  deleteJumpQRCode(request: DeleteJumpQRCodeRequest, options?: CallOptions): Promise<DeleteJumpQRCodeResponse>;
  /**
   * Publishes a QR-code jump rule so that scans of its prefix open the Mini Program.
   *
   * WeChat's publishJumpQRCode: `POST /cgi-bin/wxopen/qrcodejumppublish`, with an authorizer_access_token of a miniprogram or official_account (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   * @throws {WeChatError} 40097 invalid parameter
   * @throws {WeChatError} 85074 the MP has no released code
   * @throws {WeChatError} 886000 100 rule publishes this month used up
   */
  publishJumpQRCode(request: PublishJumpQRCodeRequest, options?: CallOptions): Promise<PublishJumpQRCodeResponse>;
  /**
   * The verification file to put under a QR-code rule's prefix.
   *
   * WeChat's downloadQRCodeText: `POST /cgi-bin/wxopen/qrcodejumpdownload`, with an authorizer_access_token of a miniprogram (permission set 3 or 18); the account's own token too.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 44990 more than 5 calls a second
   * @throws {WeChatError} 85075 personal MP cannot use QR rules
   */
  downloadQRCodeText(request?: Record<string, never>, options?: CallOptions): Promise<DownloadQRCodeTextResponse>;
  /**
   * An API's daily quota for the token's account: limit, used and remaining today.
   *
   * WeChat's getApiQuota: `POST /cgi-bin/openapi/quota/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   */
  getApiQuota(request: GetApiQuotaRequest, options?: CallOptions): Promise<GetApiQuotaResponse>;
  /**
   * Sets every daily API counter of the token's account back to zero (10 clears a month).
   *
   * WeChat's clearQuota: `POST /cgi-bin/clear_quota`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 41002 no appid
   * @throws {WeChatError} 40013 appid unknown, malformed, or not the token owner
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearQuota(request: ClearQuotaRequest, options?: CallOptions): Promise<ClearQuotaResponse>;
  /**
   * Sets one API's daily counter of the token's account back to zero (50 a month).
   *
   * WeChat's clearApiQuota: `POST /cgi-bin/openapi/quota/clear`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76021 cgi_path unknown or malformed
   * @throws {WeChatError} 76022 an API the token's account does not own
   * @throws {WeChatError} 48006 the month's quota clears are used up
   */
  clearApiQuota(request: ClearApiQuotaRequest, options?: CallOptions): Promise<ClearApiQuotaResponse>;
  /**
   * The request and response behind the rid of an error the same account was answered.
   *
   * WeChat's getRidInfo: `POST /cgi-bin/openapi/rid/get`, with an authorizer_access_token of a miniprogram or official_account (any permission set); the account's own token too; the component_access_token too, as `access_token=`.
   * @throws {WeChatError} -1 backend busy or unexpected failure
   * @throws {WeChatError} 45009 daily per-API quota used up
   * @throws {WeChatError} 41001 no token in the query
   * @throws {WeChatError} 40001 token never issued, or superseded by a newer one
   * @throws {WeChatError} 40014 malformed token, or an account's own token on a third-party API
   * @throws {WeChatError} 42001 token past its expiry time
   * @throws {WeChatError} 48001 wrong kind of token for this API
   * @throws {WeChatError} 61004 caller IP not on the component's allow-list
   * @throws {WeChatError} 61003 authorization revoked or never given
   * @throws {WeChatError} 61007 no granted permission set covers this API
   * @throws {WeChatError} 44002 zero-length POST body
   * @throws {WeChatError} 47001 body is not valid JSON, or a field cannot be coerced
   * @throws {WeChatError} 76002 rid empty or malformed
   * @throws {WeChatError} 76004 rid older than 7 days, or from the future
   * @throws {WeChatError} 76001 rid not stored
   * @throws {WeChatError} 76003 another account's rid
   */
  getRidInfo(request: GetRidInfoRequest, options?: CallOptions): Promise<GetRidInfoResponse>;
}
