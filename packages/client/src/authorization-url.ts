/** What the authorization page is opened with (docs/tokens.md §5.4). */
export interface AuthorizationPage {
  /** From `component().getPreAuthCode()`; spent by one authorization. */
  preAuthCode: string;
  /** Where the admin's browser goes afterwards, with `auth_code` and `expires_in` added. */
  redirectUri: string;
  /** 1 Official Accounts only, 2 Mini Programs only, 3 both (WeChat's default). */
  authType?: 1 | 2 | 3;
  /** Only this account may authorize. */
  bizAppid?: string;
  /** The page for a phone, opened inside WeChat, rather than the desktop page with its QR code. */
  mobile?: boolean;
}

const DESKTOP_PAGE = 'https://mp.weixin.qq.com/cgi-bin/componentloginpage';
const MOBILE_PAGE = 'https://open.weixin.qq.com/wxaopen/safe/bindcomponent';

/** The page's URL on WeChat, or on `host` (wxlocal's base URL), which serves both paths. */
export function authorizationUrl(
  componentAppid: string,
  host: string | undefined,
  page: AuthorizationPage,
): string {
  const base = page.mobile ? MOBILE_PAGE : DESKTOP_PAGE;
  const url = new URL(host ? host.replace(/\/+$/, '') + new URL(base).pathname : base);
  if (page.mobile) {
    url.searchParams.set('action', 'bindcomponent');
    url.searchParams.set('no_scan', '1');
  }
  url.searchParams.set('component_appid', componentAppid);
  url.searchParams.set('pre_auth_code', page.preAuthCode);
  url.searchParams.set('redirect_uri', page.redirectUri);
  if (page.authType !== undefined) url.searchParams.set('auth_type', String(page.authType));
  if (page.bizAppid !== undefined) url.searchParams.set('biz_appid', page.bizAppid);
  if (page.mobile) url.hash = 'wechat_redirect';
  return url.toString();
}
