/**
 * Compile-time checks of the generated method types; `npm run typecheck` proves them (never run).
 * Each @ts-expect-error must meet an error, so a type that got too loose fails the check.
 */
import type { EndpointName } from '@wxlocal/api';
import {
  type AccountMethods,
  type AuthorizerMethods,
  type ComponentMethods,
  type ErrCodeOf,
  isWeChatError,
  type MiniProgramMethods,
  type OfficialAccountMethods,
  type SetSearchStatusRequest,
  type TokenlessMethods,
  type WeChatClient,
  type WeChatError,
} from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof?: T): void {}

export async function requestsAndResponses(client: WeChatClient): Promise<void> {
  const mp = client.authorizer('wx0000000000000001');

  await mp.setSearchStatus({ status: 1 });
  // @ts-expect-error status is a number
  await mp.setSearchStatus({ status: '1' });
  // @ts-expect-error status is required
  await mp.setSearchStatus({});
  // @ts-expect-error unknown field
  await mp.setSearchStatus({ status: 1, searchable: true });

  const { status } = await mp.getSearchStatus();
  assertType<Equal<typeof status, 0 | 1>>();
  // @ts-expect-error the response has no such field
  void (await mp.getSearchStatus()).searchable;
  // @ts-expect-error setSearchStatus is called with an authorizer's token, not the component's
  await client.component().setSearchStatus({ status: 1 });
  // @ts-expect-error not a catalogued endpoint
  await mp.setSearchStatusV2({ status: 1 });

  const domains = await client.component().modifyThirdpartyServerDomain({
    action: 'add',
    wxa_server_domain: 'a.example.com',
    is_modify_published_together: false,
  });
  assertType<Equal<typeof domains.testing_wxa_server_domain, string>>();
  assertType<Equal<typeof domains.published_wxa_server_domain, string | undefined>>();
  await client.component().modifyThirdpartyServerDomain({
    action: 'get',
    wxa_server_domain: '',
    // @ts-expect-error a boolean, not 0 / 1
    is_modify_published_together: 0,
  });

  // Fields WeChat does not require may be left out: `get` needs no domains, ordinary QR rules no appid.
  await client.component().modifyThirdpartyServerDomain({ action: 'get' });
  await mp.modifyServerDomain({ action: 'get' });
  await mp.modifyJumpDomainDirectly({ action: 'get' });
  await mp.getJumpQRCode({});
  await mp.addJumpQRCode({ prefix: 'https://a.example.com/', path: 'pages/index/index', is_edit: 0 });
  // @ts-expect-error prefix is required
  await mp.addJumpQRCode({ path: 'pages/index/index', is_edit: 0 });

  // component_appid is filled in by the client, and may still be given.
  const info = await client.component().getAuthorizerInfo({ authorizer_appid: 'wx0000000000000001' });
  assertType<Equal<typeof info.authorizer_info.account_status, number>>();
  await client.component().getPreAuthCode();
  await client.component().getPreAuthCode({ component_appid: 'wx0000000000000002' });
  // @ts-expect-error authorizer_appid is a string
  await client.component().getAuthorizerInfo({ authorizer_appid: 1 });

  // The quota APIs take the component's token as well as an account's.
  const meter = await client
    .component()
    .getApiQuota({ cgi_path: '/cgi-bin/component/api_create_preauthcode' });
  assertType<Equal<typeof meter.quota, { daily_limit: number; used: number; remain: number }>>();
  await mp.getApiQuota({ cgi_path: '/wxa/changewxasearchstatus' });
  // @ts-expect-error the new option paths take an authorizer's token only
  await client.component().getAuthorizerOptionInfo({ option_name: 'voice_recognize' });

  await client.authorizer('wx1').modifyServerDomainDirectly({
    action: 'add',
    requestdomain: ['https://a.example.com'],
    wsrequestdomain: [],
    uploaddomain: [],
    downloaddomain: [],
    udpdomain: [],
    // @ts-expect-error a list, not one entry
    tcpdomain: 'tcp://a.example.com',
  });

  await client.authorizer('wx1').linkMiniprogram({ appid: 'wx2', notify_users: 1, show_profile: 0 });
  // @ts-expect-error notify_users is a number
  await client.authorizer('wx1').linkMiniprogram({ appid: 'wx2', notify_users: true, show_profile: 0 });

  const stable = await client.tokenless().getStableAccessToken({
    grant_type: 'client_credential',
    appid: 'wx1',
    secret: 's',
  });
  assertType<Equal<typeof stable, { access_token: string; expires_in: number }>>();
  await client.tokenless().getStableAccessToken({
    grant_type: 'client_credential',
    appid: 'wx1',
    secret: 's',
    // @ts-expect-error force_refresh is a boolean
    force_refresh: 1,
  });

  const rules = await client.account('wx1', 'secret').getJumpQRCode({
    appid: '',
    get_type: 0,
    prefix_list: [],
    page_num: 1,
    page_size: 20,
  });
  assertType<Equal<(typeof rules.rule_list)[number]['state'], 1 | 2>>();
}

export function grouping(): void {
  // The token kind decides the group.
  assertType<Equal<'setSearchStatus' extends keyof AuthorizerMethods ? true : false, true>>();
  assertType<Equal<'setSearchStatus' extends keyof ComponentMethods ? true : false, false>>();
  assertType<Equal<'modifyThirdpartyServerDomain' extends keyof ComponentMethods ? true : false, true>>();
  assertType<Equal<'getComponentAccessToken' extends keyof TokenlessMethods ? true : false, true>>();
  assertType<
    Equal<
      keyof AccountMethods,
      | 'addJumpQRCode'
      | 'getJumpQRCode'
      | 'deleteJumpQRCode'
      | 'publishJumpQRCode'
      | 'downloadQRCodeText'
      | 'getApiQuota'
      | 'clearQuota'
      | 'clearApiQuota'
      | 'getRidInfo'
    >
  >();
  // Every endpoint has a method in a token group; the authorizer endpoints that take the component's token
  // too are in both.
  type Grouped = keyof ComponentMethods | keyof AuthorizerMethods | keyof TokenlessMethods;
  assertType<Equal<Grouped, EndpointName>>();
  assertType<
    Equal<
      Extract<keyof ComponentMethods, keyof AuthorizerMethods>,
      'getApiQuota' | 'clearQuota' | 'clearApiQuota' | 'getRidInfo'
    >
  >();
}

export function errcodes(error: WeChatError): void {
  if (error.errcode === 85083) return;
  const setSearchStatusCode: ErrCodeOf<'setSearchStatus'> = 85084;
  // @ts-expect-error 89007 is not a code setSearchStatus can answer
  const wrong: ErrCodeOf<'setSearchStatus'> = 89007;
  void [setSearchStatusCode, wrong];
}

/** What the catalogue knows beyond field types: enumerations, no stray fields, the kind of account, codes. */
export async function catalogueDetail(client: WeChatClient, error: unknown): Promise<void> {
  const mp = client.miniProgram('wx0000000000000001');
  const oa = client.officialAccount('wx0000000000000002');

  // @ts-expect-error only 0 and 1 exist
  await mp.setSearchStatus({ status: 2 });
  // @ts-expect-error action is one of add, delete, set, get
  await client.component().modifyThirdpartyServerDomain({ action: 'ad' });
  // @ts-expect-error getSearchStatus takes no field
  await mp.getSearchStatus({ bogus: 1 });
  // @ts-expect-error open_version is 1, 2 or 3
  await mp.addJumpQRCode({ prefix: 'https://a.example.com/', path: 'p', is_edit: 0, open_version: 4 });

  // @ts-expect-error linkMiniprogram is an Official Account's endpoint
  await mp.linkMiniprogram({ appid: 'wx2', notify_users: 1, show_profile: 0 });
  // @ts-expect-error setSearchStatus is a Mini Program's endpoint
  await oa.setSearchStatus({ status: 1 });
  await oa.linkMiniprogram({ appid: 'wx2', notify_users: 1, show_profile: 0 });
  // The QR-code jump family serves both kinds.
  await oa.getJumpQRCode({});
  await mp.getJumpQRCode({});

  if (isWeChatError(error, 85083, 85084)) {
    assertType<Equal<typeof error.errcode, 85083 | 85084>>();
  }
  if (isWeChatError(error)) assertType<Equal<typeof error.errcode, WeChatError['errcode']>>();
  const busy: ErrCodeOf<'setSearchStatus'> = -1;
  const linkBusy: ErrCodeOf<'linkMiniprogram'> = -1;
  // Any endpoint may be refused by the daily call meter.
  const quotaUsedUp: ErrCodeOf<'getPreAuthCode'> = 45009;
  void [busy, linkBusy, quotaUsedUp];

  // Named types, so that an error message reads `SetSearchStatusRequest`, not a mapped type.
  assertType<Equal<Parameters<MiniProgramMethods['setSearchStatus']>[0], SetSearchStatusRequest>>();
  assertType<Equal<'linkMiniprogram' extends keyof OfficialAccountMethods ? true : false, true>>();
  assertType<Equal<'linkMiniprogram' extends keyof MiniProgramMethods ? true : false, false>>();
}
