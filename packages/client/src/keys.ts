/**
 * Cache keys, namespaced by a prefix and the component: one account may authorize several components, each
 * with its own tokens for it.
 */
export function cacheKeys(prefix: string, componentAppid: string) {
  return {
    verifyTicket: `${prefix}verify_ticket:${componentAppid}`,
    componentToken: `${prefix}component_token:${componentAppid}`,
    refreshToken: (authorizerAppid: string) => `${prefix}refresh_token:${componentAppid}:${authorizerAppid}`,
    authorizerToken: (authorizerAppid: string) =>
      `${prefix}authorizer_token:${componentAppid}:${authorizerAppid}`,
    /** An account's own stable token belongs to the account, not to the component. */
    accessToken: (appid: string) => `${prefix}access_token:${appid}`,
  };
}

export type CacheKeys = ReturnType<typeof cacheKeys>;
