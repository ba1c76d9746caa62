import { authorizerOf, type Call, fail, failWithPayload, type Handlers } from '../../core/index.js';
import { DOMAIN_ACTIONS } from '../web/domain-entries.js';
import { icpFiled } from '../web/verify.js';
import {
  API_HOST,
  applyChange,
  exceedsKindLimit,
  KINDS,
  type Kind,
  noDomains,
  reportedEntry,
  requestedDomains,
  type ServerDomains,
  sameDomains,
  serverDomainHost,
} from './entries.js';
import { serverDomainPoolFor, useMonthlyChange } from './pools.js';
import { saveServerDomains, serverDomainsOf } from './store.js';

/** A request's entries sorted out (docs/server-domain.md §5.3 "Filtering and outcome", step 1). */
interface Screened {
  valid: ServerDomains;
  /** Malformed, `api.weixin.qq.com`, or outside the pool; in the reported form. */
  invalid: ServerDomains;
  /** Well-formed pool entries whose host has no ICP filing, as sent. */
  noIcp: string[];
}

export const modifyDomainHandlers = {
  /** modify_domain: the `third` set, from the component's pool only; rejected entries are filtered out. */
  async modifyServerDomain(call) {
    const { account, authorization } = authorizerOf(call);
    const { action } = call.request;
    if (!DOMAIN_ACTIONS.includes(action)) fail(40052);
    const sets = await serverDomainsOf(call.tx, account.appid);
    if (action === 'get') return sets.third;

    // delete may remove any entry that is there, in the pool or not.
    const pool =
      action === 'delete'
        ? null
        : await serverDomainPoolFor(call.tx, authorization.component_appid, account.appid);
    const screened = await screen(call, requestedDomains(call.request), pool);
    const third = applyChange(action, sets.third, screened.valid);
    if (sameDomains(third, sets.third)) failUnchanged(screened);
    if (exceedsKindLimit(third)) fail(85016);
    if (!(await useMonthlyChange(call.tx, account.appid, call.now))) fail(86102);
    await saveServerDomains(call.tx, account.appid, { ...sets, third });
    return { ...third, ...rejectedFields(screened) };
  },
} satisfies Partial<Handlers>;

/** With a pool (add/set) an entry must name a pool host exactly and have an ICP filing. */
async function screen(
  call: Call<'modifyServerDomain'>,
  requested: ServerDomains,
  pool: string[] | null,
): Promise<Screened> {
  const screened: Screened = { valid: noDomains(), invalid: noDomains(), noIcp: [] };
  for (const kind of KINDS) {
    for (const entry of requested[kind]) {
      const host = serverDomainHost(kind, entry);
      if (host === null || host === API_HOST || (pool && !pool.includes(host))) {
        screened.invalid[kind].push(reportedEntry(kind, entry));
      } else if (pool && !(await icpFiled(call.tx, host))) {
        screened.noIcp.push(entry);
      } else {
        screened.valid[kind].push(entry);
      }
    }
  }
  return screened;
}

/** Nothing left to change: 85017 when nothing was rejected, else 85301–85303 with the rejected entries. */
function failUnchanged(screened: Screened): never {
  const invalid = KINDS.some((kind) => screened.invalid[kind].length > 0);
  const noIcp = screened.noIcp.length > 0;
  if (!invalid && !noIcp) fail(85017);
  const code = invalid && noIcp ? 85303 : invalid ? 85301 : 85302;
  failWithPayload(code, { ...noDomains(), ...rejectedFields(screened) });
}

function rejectedFields(screened: Screened) {
  const invalid = Object.fromEntries(KINDS.map((kind) => [`invalid_${kind}`, screened.invalid[kind]]));
  return { ...(invalid as Record<`invalid_${Kind}`, string[]>), no_icp_domain: screened.noIcp };
}
