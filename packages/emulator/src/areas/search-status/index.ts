import { authorizerOf, type Handlers } from '../../http/handler.js';
import { fail } from '../../http/wx-error.js';
import { preparedQuery } from '../../store/prepared.js';
import { accountFlags } from '../accounts/accounts.js';

const updateSearchStatus = preparedQuery((db, status: number, appid: string) =>
  db.updateTable('accounts').set({ search_status: status }).where('appid', '=', appid),
);

/** 0 = searchable, 1 = hidden from WeChat search (search-status.md §2). */
const SEARCH_STATUSES = [0, 1];

export const searchStatusHandlers: Handlers = {
  async setSearchStatus(call) {
    const { account } = authorizerOf(call);
    const { status } = call.request;
    if (!SEARCH_STATUSES.includes(status)) fail(85084);
    if (accountFlags(account).search_banned) fail(85083);
    await updateSearchStatus(call.tx, status, account.appid);
    return {};
  },

  /** A search ban does not affect reads. */
  async getSearchStatus(call) {
    return { status: authorizerOf(call).account.search_status };
  },
};
