/**
 * Compile-time checks of the generated method types; `npm run typecheck` proves them (never run).
 * Each @ts-expect-error must meet an error, so a type that got too loose fails the check.
 */
import type { EndpointName } from '@wxlocal/api';
import type {
  AccountMethods,
  AuthorizerMethods,
  ComponentMethods,
  ErrCodeOf,
  TokenlessMethods,
  WeChatClient,
  WeChatError,
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
  assertType<Equal<typeof status, number>>();
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
  assertType<Equal<(typeof rules.rule_list)[number]['state'], number>>();
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
      'addJumpQRCode' | 'getJumpQRCode' | 'deleteJumpQRCode' | 'publishJumpQRCode' | 'downloadQRCodeText'
    >
  >();
  // Every endpoint has a method in exactly one of the token groups.
  type Grouped = keyof ComponentMethods | keyof AuthorizerMethods | keyof TokenlessMethods;
  assertType<Equal<Grouped, EndpointName>>();
}

export function errcodes(error: WeChatError): void {
  if (error.errcode === 85083) return;
  const setSearchStatusCode: ErrCodeOf<'setSearchStatus'> = 85084;
  // @ts-expect-error 89007 is not a code setSearchStatus can answer
  const wrong: ErrCodeOf<'setSearchStatus'> = 89007;
  void [setSearchStatusCode, wrong];
}
