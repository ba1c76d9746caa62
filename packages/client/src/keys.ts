/**
 * Cache keys, namespaced by a prefix and the component: one account may authorize several components, each
 * with its own tokens for it.
 */
export function cacheKeys(prefix: string, componentAppid: string) {
  return {
    verifyTicket: `${prefix}verify_ticket:${componentAppid}`,
    /** The CreateTime of the stored ticket's push, so that an older push never replaces it. */
    verifyTicketTime: `${prefix}verify_ticket_time:${componentAppid}`,
    pushSeen: (pushId: string) => `${prefix}push_seen:${componentAppid}:${pushId}`,
    componentToken: `${prefix}component_token:${componentAppid}`,
    refreshToken: (authorizerAppid: string) => `${prefix}refresh_token:${componentAppid}:${authorizerAppid}`,
    authorizerToken: (authorizerAppid: string) =>
      `${prefix}authorizer_token:${componentAppid}:${authorizerAppid}`,
    /** An account's own stable token belongs to the account, not to the component. */
    accessToken: (appid: string) => `${prefix}access_token:${appid}`,
  };
}

export type CacheKeys = ReturnType<typeof cacheKeys>;
