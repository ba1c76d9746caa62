import { authorizerOf, fail, type Handlers } from '../../core/index.js';
import { updateAccount } from '../accounts/store.js';

/** 暂停服务设置: whether users can open the Mini Program (docs/code-management.md §11). */
export const visitHandlers = {
  /** Setting the current status again succeeds. */
  async setVisitStatus(call) {
    const { account } = authorizerOf(call);
    const { action } = call.request;
    if (action !== 'open' && action !== 'close') fail(85022);
    await updateAccount(call.tx, account, { visit_status: action });
    return {};
  },

  async getVisitStatus(call) {
    return { status: authorizerOf(call).account.visit_status === 'open' ? 1 : 0 };
  },
} satisfies Partial<Handlers>;
