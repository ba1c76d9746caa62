/** The authorization page, at the paths SDKs build (docs/tokens.md §5.4): desktop and mobile variants. */
export const AUTHORIZATION_PAGE_PATHS = [
  '/cgi-bin/componentloginpage',
  '/wxaopen/safe/bindcomponent',
] as const;

/** wxlocal's console: the authorization page may send the admin back to it by path alone. */
export const CONSOLE_PATH = '/_wxlocal/ui/';

/** The desktop authorization page that spends `preAuthCode`, as a path on wxlocal's own address. */
export function authorizationPagePath(
  componentAppid: string,
  preAuthCode: string,
  redirectUri: string,
): string {
  const query = new URLSearchParams({
    component_appid: componentAppid,
    pre_auth_code: preAuthCode,
    redirect_uri: redirectUri,
  });
  return `${AUTHORIZATION_PAGE_PATHS[0]}?${query}`;
}

/** The console's page of a platform, where the admin lands after authorizing it. */
export const consolePlatformPage = (componentAppid: string) =>
  `${CONSOLE_PATH}#/platforms/${encodeURIComponent(componentAppid)}`;
