import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import { accountFlags } from '../accounts/flags.js';
import { saveSearchStatus } from '../accounts/store.js';

/** 0 = searchable, 1 = hidden from WeChat search (docs/search-status.md §2). */
const SEARCH_STATUSES = [0, 1];

export const searchStatusHandlers = {
  async setSearchStatus(call) {
    const { account } = authorizerOf(call);
    const { status } = call.request;
    if (!SEARCH_STATUSES.includes(status)) fail(85084);
    if (accountFlags(account).search_banned) fail(85083);
    await saveSearchStatus(call.tx, status, account.appid);
    return {};
  },

  /** A search ban does not affect reads. */
  async getSearchStatus(call) {
    return { status: authorizerOf(call).account.search_status };
  },
} satisfies Partial<Handlers>;
