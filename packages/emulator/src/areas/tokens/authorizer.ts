import { componentOf, fail, type Handlers } from '../../core/index.js';
import type { AccountRow, AuthorizationRow, Db } from '../../store/index.js';
import { accountFlags } from '../accounts/flags.js';
import { findAccount } from '../accounts/store.js';
import { categoriesOf, headImgUrl } from '../accounts/views.js';
import { acceptsRefreshToken, funcInfoView, grantedSets } from '../authorizations/grants.js';
import { findAuthorization, findAuthorizationCode, markRedeemed } from '../authorizations/store.js';
import { inForce, serverDomainsOf } from '../server-domain/store.js';
import { webviewDomainsInForce, webviewDomainsOf } from '../webview-domain/store.js';
import { checkComponentAppid } from './identity.js';
import { issueAuthorizerToken, TOKEN_LIFETIME_MS } from './slots.js';

const EXPIRES_IN = TOKEN_LIFETIME_MS / 1000;

export const authorizerHandlers = {
  /** api_query_auth: redeems an authorization code while it is valid (docs/tokens.md §5.5). */
  async getAuthorizerRefreshToken(call) {
    const componentAppid = componentOf(call);
    checkComponentAppid(call.request.component_appid, componentAppid);
    const code = await findAuthorizationCode(call.tx, call.request.authorization_code);
    if (!code || code.component_appid !== componentAppid) fail(61009);
    if (call.now >= code.expires_at) fail(61010);
    const authorization = await findAuthorization(call.tx, componentAppid, code.authorizer_appid);
    if (authorization?.status !== 'active') fail(61009);
    const token = await issueAuthorizerToken(call.tx, componentAppid, code.authorizer_appid, call.now);
    // From now on the authorizer list shows the refresh token (docs/quota.md §5.1).
    await markRedeemed(call.tx, componentAppid, code.authorizer_appid);
    return {
      authorization_info: {
        authorizer_appid: code.authorizer_appid,
        authorizer_access_token: token.token,
        expires_in: EXPIRES_IN,
        authorizer_refresh_token: authorization.refresh_token,
        func_info: funcInfoView(grantedSets(authorization)),
      },
    };
  },

  /** api_authorizer_token: a new access token for the refresh token, which itself stays the same (docs/tokens.md §5.6). */
  async getAuthorizerAccessToken(call) {
    const componentAppid = componentOf(call);
    const { component_appid, authorizer_appid, authorizer_refresh_token } = call.request;
    checkComponentAppid(component_appid, componentAppid);
    const authorization = await findAuthorization(call.tx, componentAppid, authorizer_appid);
    if (!authorization || !acceptsRefreshToken(authorization, authorizer_refresh_token, call.now))
      fail(61023);
    const token = await issueAuthorizerToken(call.tx, componentAppid, authorizer_appid, call.now);
    return {
      authorizer_access_token: token.token,
      expires_in: EXPIRES_IN,
      authorizer_refresh_token,
    };
  },

  /** api_get_authorizer_info: the account and what it granted; 61003 unless the authorization is active. */
  async getAuthorizerInfo(call) {
    const componentAppid = componentOf(call);
    checkComponentAppid(call.request.component_appid, componentAppid);
    const authorization = await findAuthorization(call.tx, componentAppid, call.request.authorizer_appid);
    const account = await findAccount(call.tx, call.request.authorizer_appid);
    if (authorization?.status !== 'active' || !account) fail(61003);
    const miniProgram =
      account.type === 'miniprogram' ? { MiniProgramInfo: await miniProgramInfo(call.tx, account) } : {};
    return {
      authorizer_info: { ...authorizerInfo(account), ...miniProgram },
      authorization_info: authorizationInfo(authorization),
    };
  },
} satisfies Partial<Handlers>;

function authorizerInfo(account: AccountRow) {
  return {
    nick_name: account.nickname,
    head_img: headImgUrl(account),
    // OA: 0 subscription, 2 service; MP: 0.
    service_type_info: { id: account.service_type === 'service' ? 2 : 0 },
    verify_type_info: { id: account.verified === 1 ? 0 : -1 },
    user_name: account.user_name,
    principal_name: account.principal_name,
    alias: '',
    qrcode_url: `http://mmbiz.qpic.cn/mmbiz_jpg/${account.appid}/0`,
    business_info: { open_store: 0, open_scan: 0, open_pay: 0, open_card: 0, open_shake: 0 },
    signature: '',
    account_status: accountFlags(account).banned ? 16 : 1,
    register_type: 0,
    basic_config: { is_phone_configured: true, is_email_configured: true },
  };
}

/** The Mini Program's domains in force (docs/tokens.md §5.7): its server domains and business domains. */
async function miniProgramInfo(db: Db, account: AccountRow) {
  const server = inForce(await serverDomainsOf(db, account.appid));
  return {
    network: {
      RequestDomain: server.requestdomain,
      WsRequestDomain: server.wsrequestdomain,
      UploadDomain: server.uploaddomain,
      DownloadDomain: server.downloaddomain,
      BizDomain: webviewDomainsInForce(await webviewDomainsOf(db, account.appid)),
      UDPDomain: server.udpdomain,
    },
    // The account's categories (docs/tokens.md §5.7), as get_category lists them.
    categories: categoriesOf(account).map((category) => ({
      first: category.first_class,
      second: category.second_class,
    })),
    visit_status: 0,
  };
}

function authorizationInfo(authorization: AuthorizationRow) {
  return {
    authorizer_appid: authorization.authorizer_appid,
    authorizer_refresh_token: authorization.refresh_token,
    func_info: funcInfoView(grantedSets(authorization)),
  };
}
