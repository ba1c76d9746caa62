import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haveBrowser, launchChromium } from './chromium.js';
import { advanceClock, createWorld, type Harness, startEmulator, type World } from './helpers.js';

/** The provider's site: the page the browser lands on after the authorization, and the push callback. */
class ProviderSite {
  readonly landings: URL[] = [];
  readonly pushes: string[] = [];
  private server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://provider.test');
    if (url.pathname === '/callback') {
      request.resume();
      request.on('end', () => response.end('success'));
      this.pushes.push(url.search);
      return;
    }
    this.landings.push(url);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<h1 id="landed">Welcome back</h1>');
  });
  base = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe.skipIf(!haveBrowser)('the authorization page in a real browser', () => {
  let browser: Browser;
  let h: Harness;
  let w: World;
  let site: ProviderSite;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    h = await startEmulator();
    w = await createWorld(h);
    site = new ProviderSite();
    await site.start();
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, {
      auth_event_url: `${site.base}/callback`,
    });
  });
  afterEach(async () => {
    await h.close();
    await site.close();
  });

  const preAuthCode = async () =>
    (
      await h.post(`/cgi-bin/component/api_create_preauthcode?component_access_token=${w.componentToken}`, {
        component_appid: w.platform.appid,
      })
    ).json.pre_auth_code as string;
  const pageUrl = (code: string, extra = '', path = '/cgi-bin/componentloginpage') =>
    `${h.baseUrl}${path}?component_appid=${w.platform.appid}&pre_auth_code=${encodeURIComponent(code)}&redirect_uri=${encodeURIComponent(`${site.base}/wechat/authorized?state=42`)}${extra}`;

  it('choose a Mini Program and sets, land on redirect_uri with auth_code, redeem it, get the push', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram', nickname: 'Coffee Shop' })).json;
    const code = await preAuthCode();
    const tab = await browser.newPage();
    await tab.goto(pageUrl(code, `&auth_type=2&biz_appid=${mp.appid}`));
    expect(await tab.textContent('h1')).toContain(w.platform.name);
    expect(await tab.locator('input[name=authorizer_appid]').count()).toBe(1);
    await tab.check(`input[name=authorizer_appid][value="${mp.appid}"]`);
    await tab.uncheck('fieldset[data-for=miniprogram] input[value="19"]');
    await Promise.all([tab.waitForURL(/\/wechat\/authorized/), tab.click('button[value=confirm]')]);
    expect(await tab.textContent('#landed')).toBe('Welcome back');
    const landing = site.landings.find((url) => url.pathname === '/wechat/authorized');
    expect(landing?.searchParams.get('state')).toBe('42');
    expect(landing?.searchParams.get('expires_in')).toBe('3600');
    const authCode = landing?.searchParams.get('auth_code') ?? '';
    expect(authCode).toMatch(/^queryauthcode@@@/);

    const redeemed = await h.post(
      `/cgi-bin/component/api_query_auth?component_access_token=${w.componentToken}`,
      {
        component_appid: w.platform.appid,
        authorization_code: authCode,
      },
    );
    const granted = redeemed.json.authorization_info.func_info.map(
      (f: { funcscope_category: { id: number } }) => f.funcscope_category.id,
    );
    expect(redeemed.json.authorization_info.authorizer_appid).toBe(mp.appid);
    expect(granted).toContain(18);
    expect(granted).not.toContain(19);
    expect(granted).not.toContain(33);
    const push = await waitForPush(h, 'authorized');
    expect(push.xml).toContain(`<PreAuthCode><![CDATA[${code}]]></PreAuthCode>`);
    expect(push.xml).toContain(`<AuthorizationCode><![CDATA[${authCode}]]></AuthorizationCode>`);

    // The pre_auth_code is spent.
    await tab.goto(pageUrl(code));
    expect(await tab.textContent('#error')).toBe('The pre_auth_code has already been used.');
    await tab.close();
  });

  it('an expired pre_auth_code, a bad redirect_uri or an unknown platform show the error page and change nothing', async () => {
    const code = await preAuthCode();
    const tab = await browser.newPage();
    const before = (await h.get('/_wxlocal/authorizations')).json.authorizations.length;
    const response = await tab.goto(pageUrl(code, '', '/wxaopen/safe/bindcomponent'));
    expect(response?.status()).toBe(200);
    await advanceClock(h, 600);
    const expired = await tab.goto(pageUrl(code, '', '/wxaopen/safe/bindcomponent'));
    expect(expired?.status()).toBe(400);
    expect(await tab.textContent('#error')).toBe('The pre_auth_code has expired.');
    await tab.goto(
      `${h.baseUrl}/cgi-bin/componentloginpage?component_appid=${w.platform.appid}&pre_auth_code=${code}&redirect_uri=javascript:alert(1)`,
    );
    expect(await tab.textContent('#error')).toBe('redirect_uri must be an http or https URL.');
    await tab.goto(
      `${h.baseUrl}/cgi-bin/componentloginpage?component_appid=wx0000000000000000&pre_auth_code=x&redirect_uri=http://a.b/`,
    );
    expect(await tab.textContent('#error')).toBe('Unknown third-party platform (component_appid).');
    expect((await h.get('/_wxlocal/authorizations')).json.authorizations).toHaveLength(before);
    await tab.close();
  });

  it('cancel authorizes nothing and leaves the code unused', async () => {
    const code = await preAuthCode();
    const tab = await browser.newPage();
    await tab.goto(pageUrl(code, '&auth_type=1'));
    expect(await tab.locator('input[data-type=miniprogram]').count()).toBe(0);
    await tab.click('button[value=cancel]');
    expect(await tab.textContent('h1')).toBe('Authorization cancelled');
    await tab.goto(pageUrl(code));
    expect(await tab.locator('button[value=confirm]').count()).toBe(1);
    await tab.close();
  });

  it('Authorize with no permission set ticked is refused, in the browser and by the server, and changes nothing', async () => {
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const authorizationsOfMp = async () =>
      (await h.get('/_wxlocal/authorizations')).json.authorizations.filter(
        (a: { authorizer_appid: string }) => a.authorizer_appid === mp.appid,
      );
    const code = await preAuthCode();
    const tab = await browser.newPage();
    const url = pageUrl(code, `&biz_appid=${mp.appid}`);
    await tab.goto(url);
    const hint = tab.locator('fieldset[data-for=miniprogram] .hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe('Tick at least one permission set.');
    for (const box of await tab.locator('fieldset[data-for=miniprogram] input[type=checkbox]').all()) {
      await box.uncheck();
    }
    await tab.click('button[value=confirm]');
    await tab.waitForTimeout(300);
    expect(tab.url()).toBe(url);
    expect(await tab.locator('form:invalid').count()).toBe(1);
    expect(await authorizationsOfMp()).toEqual([]);

    // The server refuses such a form itself.
    const form = new URLSearchParams({
      component_appid: w.platform.appid,
      pre_auth_code: code,
      redirect_uri: `${site.base}/wechat/authorized?state=42`,
      authorizer_appid: mp.appid,
      decision: 'confirm',
    });
    const posted = await fetch(`${h.baseUrl}/cgi-bin/componentloginpage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(posted.status).toBe(400);
    expect(posted.headers.get('content-type')).toContain('text/html');
    expect(await posted.text()).toContain(
      '<p class="error" id="error">Tick at least one permission set.</p>',
    );
    expect(await authorizationsOfMp()).toEqual([]);

    // The pre_auth_code is still unused: with a set ticked again, Authorize goes through.
    await tab.check('fieldset[data-for=miniprogram] input[value="18"]');
    await Promise.all([tab.waitForURL(/\/wechat\/authorized/), tab.click('button[value=confirm]')]);
    const [granted] = await authorizationsOfMp();
    expect(granted.func_info).toEqual([18]);
    await tab.close();
  });

  it('a link no account may use says why and has no Authorize button', async () => {
    const code = await preAuthCode();
    const tab = await browser.newPage();
    await tab.goto(pageUrl(code, `&auth_type=1&biz_appid=${w.miniProgram.appid}`));
    expect(await tab.locator('button[value=confirm]').count()).toBe(0);
    expect(await tab.isVisible('#no-account')).toBe(true);
    expect(await tab.textContent('#no-account')).toBe(
      "No account may authorize with this link. The link's auth_type allows only Official Accounts, and biz_appid names a Mini Program.",
    );
    await tab.goto(pageUrl(code, '&biz_appid=wx0000000000000000'));
    expect(await tab.locator('button[value=confirm]').count()).toBe(0);
    expect(await tab.textContent('#no-account')).toBe(
      'No account may authorize with this link. biz_appid names no account.',
    );
    await tab.click('button[value=cancel]');
    expect(await tab.textContent('h1')).toBe('Authorization cancelled');
    await tab.close();
  });
});

async function waitForPush(h: Harness, infoType: string): Promise<{ xml: string }> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const found = (await h.get('/_wxlocal/pushes')).json.pushes.find(
      (p: { info_type: string }) => p.info_type === infoType,
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${infoType} push`);
}
