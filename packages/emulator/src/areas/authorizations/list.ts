import { componentOf, type Handlers } from '../../core/index.js';
import { checkComponentAppid } from '../tokens/identity.js';
import { activeAuthorizationsPage, countActiveAuthorizations, type ListedAuthorization } from './store.js';

/** The most a page holds; a larger `count` is read as this (docs/quota.md §5.1). */
const MAX_PAGE = 500;

export const authorizerListHandlers = {
  /** api_get_authorizer_list: the accounts now authorized to the component, a page at a time (docs/quota.md §5.1). */
  async getAuthorizerList(call) {
    const componentAppid = componentOf(call);
    checkComponentAppid(call.request.component_appid, componentAppid);
    const total = await countActiveAuthorizations(call.tx, componentAppid);
    const offset = Math.max(call.request.offset, 0);
    const count = Math.min(call.request.count, MAX_PAGE);
    const rows =
      count <= 0 || offset >= total
        ? []
        : await activeAuthorizationsPage(call.tx, componentAppid, offset, count);
    return { total_count: total, list: rows.map(listItem) };
  },
} satisfies Partial<Handlers>;

/** The refresh token shows only once api_query_auth handed it to the component. */
function listItem(row: ListedAuthorization) {
  return {
    authorizer_appid: row.authorizer_appid,
    ...(row.redeemed === 1 ? { refresh_token: row.refresh_token } : {}),
    auth_time: Math.floor(row.updated_at / 1000),
  };
}
