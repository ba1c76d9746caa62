import { authorizerOf, type Call, componentOf, fail, type Handlers } from '../../core/index.js';
import type { AuthorizationRow, Db } from '../../store/index.js';
import { findAuthorization } from '../authorizations/store.js';
import { checkComponentAppid } from '../tokens/identity.js';
import { checkOptionValue, grantedOption, INITIAL_VALUE } from './options.js';
import { findOptionValue, saveOptionValue } from './store.js';

export const authorizerOptionHandlers = {
  /** api_get_authorizer_option (docs/quota.md §5.2). */
  async getAuthorizerOption(call) {
    const authorization = await authorizationOf(call);
    const { option_name } = call.request;
    return {
      authorizer_appid: authorization.authorizer_appid,
      option_name,
      option_value: await readOption(call.tx, authorization, option_name),
    };
  },

  /** api_set_authorizer_option (docs/quota.md §5.2). */
  async setAuthorizerOption(call) {
    const { option_name, option_value } = call.request;
    await writeOption(call.tx, await authorizationOf(call), option_name, option_value);
    return {};
  },

  /** get_authorizer_option: the token's account's option (docs/quota.md §5.2). */
  async getAuthorizerOptionInfo(call) {
    const { option_name } = call.request;
    const option_value = await readOption(call.tx, authorizerOf(call).authorization, option_name);
    return { option_name, option_value };
  },

  /** set_authorizer_option: sets the token's account's option (docs/quota.md §5.2). */
  async setAuthorizerOptionInfo(call) {
    const { option_name, option_value } = call.request;
    await writeOption(call.tx, authorizerOf(call).authorization, option_name, option_value);
    return {};
  },
} satisfies Partial<Handlers>;

/**
 * The authorization an old-path call acts on: an authorizer token's own (its body appids are not read), or
 * the component's authorization named by `authorizer_appid`, which must be active (61003).
 */
async function authorizationOf(
  call: Call<'getAuthorizerOption' | 'setAuthorizerOption'>,
): Promise<AuthorizationRow> {
  if (call.caller.kind === 'authorizer') return call.caller.authorization;
  const componentAppid = componentOf(call);
  checkComponentAppid(call.request.component_appid, componentAppid);
  const authorization = await findAuthorization(call.tx, componentAppid, call.request.authorizer_appid);
  if (authorization?.status !== 'active') fail(61003);
  return authorization;
}

async function readOption(db: Db, authorization: AuthorizationRow, name: string): Promise<string> {
  grantedOption(name, authorization);
  return (await findOptionValue(db, authorization.authorizer_appid, name)) ?? INITIAL_VALUE;
}

/** Checks come before the write, so a refused set changes nothing. */
async function writeOption(db: Db, authorization: AuthorizationRow, name: string, value: string) {
  checkOptionValue(grantedOption(name, authorization), value);
  await saveOptionValue(db, authorization.authorizer_appid, name, value);
}
