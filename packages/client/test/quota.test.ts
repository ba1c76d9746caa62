import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createClient, type WeChatClient } from '../src/index.js';
import { clientOf, createPlatform, startEmulator } from './helpers.js';

/**
 * The quota APIs: the component's token sent as `access_token=` where an authorizer path also takes it, and
 * the AppSecret clear's credentials in its JSON body.
 */

/** What went out: method, path, query and body of each request, token fetches included. */
interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** WeChat's answers by path, for a client whose fetch never leaves the process. */
const ANSWERS: Record<string, object> = {
  '/cgi-bin/component/api_component_token': { component_access_token: 'component-token', expires_in: 7200 },
  '/cgi-bin/component/api_create_preauthcode': { pre_auth_code: 'preauthcode@@@x', expires_in: 600 },
  '/cgi-bin/openapi/quota/get': {
    errcode: 0,
    errmsg: 'ok',
    quota: { daily_limit: 100_000, used: 1, remain: 99_999 },
  },
  '/cgi-bin/clear_quota/v2': { errcode: 0, errmsg: 'ok' },
};

let sent: Sent[] = [];
afterEach(() => {
  sent = [];
});

async function fakeClient(): Promise<WeChatClient> {
  const client = createClient({
    componentAppid: 'wx0000000000000001',
    componentSecret: 'secret',
    baseUrl: 'http://wechat.invalid',
    fetch: async (input, init) => {
      const url = new URL(String(input));
      sent.push({
        method: init?.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const answer = ANSWERS[url.pathname] ?? { errcode: 40066, errmsg: 'invalid url' };
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
    },
  });
  await client.tokens.setVerifyTicket('ticket@@@x');
  return client;
}

const sentTo = (path: string) => sent.filter((request) => request.path === path);

describe("the component's token on the quota APIs", () => {
  it('goes as access_token= to getApiQuota and as component_access_token= to getPreAuthCode', async () => {
    const component = (await fakeClient()).component();
    expect(await component.getApiQuota({ cgi_path: '/cgi-bin/component/api_create_preauthcode' })).toEqual({
      quota: { daily_limit: 100_000, used: 1, remain: 99_999 },
    });
    await component.getPreAuthCode();

    expect(sentTo('/cgi-bin/openapi/quota/get').map((request) => request.query)).toEqual([
      { access_token: 'component-token' },
    ]);
    expect(sentTo('/cgi-bin/component/api_create_preauthcode').map((request) => request.query)).toEqual([
      { component_access_token: 'component-token' },
    ]);
  });

  it("sends clear_quota/v2's appid and appsecret in the JSON body, none in the query", async () => {
    const credentials = { appid: 'wx0000000000000002', appsecret: 'account-secret' };
    expect(await (await fakeClient()).tokenless().clearQuotaByAppSecret(credentials)).toEqual({});
    expect(sent).toEqual([{ method: 'POST', path: '/cgi-bin/clear_quota/v2', query: {}, body: credentials }]);
  });
});

describe('getApiQuota with the component token, against the emulator', () => {
  it("reports the component's meter of api_create_preauthcode", async () => {
    const h = await startEmulator();
    onTestFinished(() => h.close());
    const platform = await createPlatform(h);
    const urls: URL[] = [];
    const bodies: unknown[] = [];
    const client = await clientOf(h, platform, {
      fetch: (input, init) => {
        urls.push(new URL(String(input)));
        return fetch(input, init);
      },
      hooks: {
        afterResponse: ({ endpoint, body }) => {
          if (endpoint === 'getApiQuota') bodies.push(body);
        },
      },
    });
    const component = client.component();
    await component.getPreAuthCode();
    await component.getPreAuthCode();

    const meter = await component.getApiQuota({ cgi_path: '/cgi-bin/component/api_create_preauthcode' });
    // The two calls are counted on the component's meter; no minute limit is set, so no rate_limit.
    expect(bodies).toEqual([
      { errcode: 0, errmsg: 'ok', quota: { daily_limit: 100_000, used: 2, remain: 99_998 } },
    ]);
    expect(meter).toEqual({ quota: { daily_limit: 100_000, used: 2, remain: 99_998 } });
    const quotaUrl = urls.find((url) => url.pathname === '/cgi-bin/openapi/quota/get');
    expect(quotaUrl?.searchParams.get('access_token')).toBe(await client.tokens.componentToken());
    expect(quotaUrl?.searchParams.has('component_access_token')).toBe(false);
  });
});
