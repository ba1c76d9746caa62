import { existsSync, mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWxlocal, type Wxlocal } from '../../emulator/src/embed/start.js';
import { DEMO } from '../../emulator/src/seed.js';
import { haveBrowser, launchChromium } from '../../emulator/test/chromium.js';

/**
 * The web console in Debian's Chromium, against an emulator started here with the demo seed. The emulator
 * serves the built console from packages/emulator/dist/ui/: `npm test` builds it first.
 */

const BUILT_UI = new URL('../../emulator/dist/ui/index.html', import.meta.url);
const SCREENSHOTS = new URL('../screenshots/', import.meta.url);

const OA = DEMO.officialAccount.appid;
const MP = DEMO.miniProgram.appid;
const PLATFORM = DEMO.platform.appid;
const WIDTHS = [1280, 400] as const;

/** Every view, each tab of an account's page included, and a text each shows once the demo state is loaded. */
const VIEWS = [
  { name: 'overview', path: '#/', shows: 'wxlocal Demo Mini Program' },
  { name: 'platform', path: `#/platforms/${PLATFORM}`, shows: 'Domain pools' },
  { name: 'account-search', path: `#/accounts/${MP}/search`, shows: 'search_banned' },
  { name: 'account-links', path: `#/accounts/${MP}/links`, shows: 'The Official Account admin confirms' },
  { name: 'account-webview', path: `#/accounts/${MP}/webview`, shows: 'https://h5.example.com' },
  { name: 'account-server', path: `#/accounts/${MP}/server`, shows: 'https://api.example.com' },
  { name: 'account-qrcode', path: `#/accounts/${MP}/qrcode`, shows: 'https://qr.example.com/shop/' },
  { name: 'account-flags', path: `#/accounts/${MP}/flags`, shows: 'qrcodejump_open' },
  { name: 'account-quota', path: `#/accounts/${MP}/quota`, shows: '/wxa/getwxasearchstatus' },
  {
    name: 'account-oa-links',
    path: `#/accounts/${OA}/links`,
    shows: 'waiting for the Official Account admin',
  },
  { name: 'account-oa-qrcode', path: `#/accounts/${OA}/qrcode`, shows: 'Scan tester' },
  { name: 'requests', path: '#/requests', shows: 'getSearchStatus' },
  { name: 'faults', path: '#/faults', shows: 'setSearchStatus' },
] as const;

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

describe.skipIf(!haveBrowser)('the web console in a real browser', () => {
  let browser: Browser;
  let wx: Wxlocal;
  let contexts: BrowserContext[] = [];
  /** What each page wrote to the browser's console as an error, and its uncaught exceptions. */
  let errors: Map<Page, string[]>;

  beforeAll(async () => {
    if (!existsSync(BUILT_UI)) throw new Error('the console is not built: run npm run build first');
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    wx = await startWxlocal();
    errors = new Map();
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    await wx.close();
  });

  /** Opens a console page in a fresh browser profile. */
  async function open(
    hash: string,
    {
      width = 1280,
      locale = 'en-US',
      base = wx.url,
    }: { width?: number; locale?: string; base?: string } = {},
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
    contexts.push(context);
    const page = await context.newPage();
    const logged: string[] = [];
    errors.set(page, logged);
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => logged.push(error.message));
    await page.goto(`${base}/_wxlocal/ui/${hash}`);
    await loaded(page);
    return page;
  }

  /** Waits until the page shows its heading and nothing is loading any more. */
  const loaded = (page: Page) =>
    page.waitForFunction(
      "document.querySelector('main h1') !== null && document.querySelector('.loading') === null",
    );

  /** The serious and critical problems axe-core finds on the page. */
  async function seriousViolations(page: Page): Promise<Violation[]> {
    await page.addScriptTag({ content: axe.source });
    const violations = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((v) => ({
        id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')) })))`,
    )) as Violation[];
    return violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
  }

  /** What the status region of an action shows once it answered. */
  const result = (page: Page, text: string | RegExp) =>
    page.locator('.result p').filter({ hasText: text }).first().waitFor();

  /** A data-plane call, as a platform's code makes it. */
  async function wechat(path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${wx.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  /** The authorizer_access_token the demo authorization holds now. */
  async function tokenOf(appid: string): Promise<string> {
    const { authorizations } = await wx.control.authorizations.list();
    const token = authorizations.find((grant) => grant.authorizer_appid === appid)?.authorizer_access_token;
    if (!token) throw new Error(`no valid token for ${appid}`);
    return token;
  }

  /** A little of everything, so that no view is empty. */
  async function furnish(): Promise<void> {
    const oaToken = await tokenOf(OA);
    const mpToken = await tokenOf(MP);
    expect(await wechat(`/cgi-bin/wxopen/wxamplink?access_token=${oaToken}`, { appid: MP })).toMatchObject({
      errcode: 0,
    });
    await wx.control.webviewDomains.set(MP, { mp_webviewdomain: ['https://h5.example.com'] });
    await wx.control.serverDomains.set(MP, { mp_domain: { requestdomain: ['https://api.example.com'] } });
    const qrFile = (await wechat(`/cgi-bin/wxopen/qrcodejumpdownload?access_token=${mpToken}`, {})) as {
      file_name: string;
      file_content: string;
    };
    await wx.control.confirmFiles.add({
      url: `https://qr.example.com/shop/${qrFile.file_name}`,
      content: qrFile.file_content,
    });
    const rule = {
      prefix: 'https://qr.example.com/shop/',
      permit_sub_rule: 1,
      path: 'pages/shop/index',
      open_version: 1,
      debug_url: ['https://qr.example.com/shop/debug'],
      is_edit: 0,
    };
    expect(await wechat(`/cgi-bin/wxopen/qrcodejumpadd?access_token=${mpToken}`, rule)).toMatchObject({
      errcode: 0,
    });
    expect(await wechat(`/wxa/getwxasearchstatus?access_token=${mpToken}`)).toMatchObject({ errcode: 0 });
    await wx.control.faults.inject({ endpoint: 'setSearchStatus', errcode: -1, count: 3 });
    await wx.control.snapshots.take();
  }

  it('every view shows the demo state at 1280 and 400 px: no console error, no serious axe violation', async () => {
    await furnish();
    for (const width of WIDTHS) {
      for (const view of VIEWS) {
        const page = await open(view.path, { width });
        await page.getByText(view.shows).first().waitFor();
        expect(await seriousViolations(page), `${view.name} at ${width} px`).toEqual([]);
        // Nothing wider than the window but the tables, which scroll inside their region.
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow, `${view.name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: new URL(`${view.name}-${width}.png`, SCREENSHOTS).pathname,
          fullPage: true,
        });
        expect(errors.get(page), `${view.name} at ${width} px`).toEqual([]);
      }
    }
  }, 180_000);

  it('the overview: platforms, accounts, authorizations with permission sets, token expiry and copy', async () => {
    // Half a minute into the seeded tokens' life, however fast the page comes up.
    await wx.control.clock.advance(30);
    const page = await open('#/');
    const main = page.locator('main');
    await main.getByText('wxlocal Demo Platform').waitFor();
    const text = await main.innerText();
    for (const shown of [
      PLATFORM,
      'component_verify_ticket',
      'wxlocal Demo Official Account',
      'Official Account',
      'Mini Program',
      'Development and data analysis',
      'Mini Program management',
      'expires in 1 h 59 min',
    ])
      expect(text).toContain(shown);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const mpToken = await tokenOf(MP);
    const card = main.locator('article', { hasText: 'Development and data analysis' });
    await card.getByRole('button', { name: 'Copy authorizer_access_token' }).click();
    await card.getByText('Copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(mpToken);
    expect(errors.get(page)).toEqual([]);
  });

  it('accepting a link as both admins: wxamplinkget shows status 1; a refusal shows its message', async () => {
    const oaToken = await tokenOf(OA);
    await wechat(`/cgi-bin/wxopen/wxamplink?access_token=${oaToken}`, { appid: MP });
    const page = await open(`#/accounts/${MP}/links`);
    const asOa = page.getByRole('group', { name: "As the Official Account's admin" });
    const asMp = page.getByRole('group', { name: "As the Mini Program's admin" });
    await page
      .locator('.flow [aria-current=step]', { hasText: 'The Official Account admin confirms' })
      .waitFor();

    await asMp.getByRole('button', { name: 'Accept' }).click();
    await result(page, /^Refused: .+ \(HTTP 409\)$/);
    await asOa.getByRole('button', { name: 'Accept' }).click();
    await result(page, 'The link is now in status 2');
    await page.locator('.flow [aria-current=step]', { hasText: 'The Mini Program admin confirms' }).waitFor();
    await asMp.getByRole('button', { name: 'Accept' }).click();
    await result(page, 'The link is now in status 1');
    await page.locator('.flow li.done', { hasText: 'Linked' }).waitFor();

    const linked = (await wechat(`/cgi-bin/wxopen/wxamplinkget?access_token=${oaToken}`, {})) as {
      wxopens: { items: { appid?: string; status: number }[] };
    };
    expect(linked.wxopens.items.map(({ appid, status }) => ({ appid, status }))).toEqual([
      { appid: MP, status: 1 },
    ]);
  });

  it('"release code" puts the direct business domains in force (get_effective_webviewdomain)', async () => {
    const mpToken = await tokenOf(MP);
    const file = (await wechat(`/wxa/get_webviewdomain_confirmfile?access_token=${mpToken}`, {})) as {
      file_name: string;
      file_content: string;
    };
    await wx.control.confirmFiles.add({
      url: `https://h5.example.com/${file.file_name}`,
      content: file.file_content,
    });
    expect(
      await wechat(`/wxa/setwebviewdomain_directly?access_token=${mpToken}`, {
        action: 'add',
        webviewdomain: ['https://h5.example.com'],
      }),
    ).toMatchObject({ errcode: 0 });
    const effective = async () =>
      (await wechat(`/wxa/get_effective_webviewdomain?access_token=${mpToken}`, {})).effective_webviewdomain;
    expect(await effective()).toEqual([]);

    const page = await open(`#/accounts/${MP}/webview`);
    await page.getByText(`https://h5.example.com/${file.file_name}`).waitFor();
    await page.getByRole('button', { name: 'Release code' }).click();
    await result(page, 'Code released; business domains in force: https://h5.example.com');
    expect(await effective()).toEqual(['https://h5.example.com']);
    expect((await wx.control.accounts.get(MP)).code_released).toBe(true);
    expect(errors.get(page)).toEqual([]);
  });

  it('the clock: "+1 day" expires an old token (42001); next China-time month; set', async () => {
    const mpToken = await tokenOf(MP);
    const searchStatus = () => wechat(`/wxa/getwxasearchstatus?access_token=${mpToken}`);
    expect(await searchStatus()).toMatchObject({ errcode: 0 });
    const page = await open('#/');
    const before = await wx.control.clock.now();
    await page.getByRole('button', { name: '+1 day' }).click();
    await result(page, 'The clock now reads');
    expect((await wx.control.clock.now()) - before).toBeGreaterThanOrEqual(86400);
    expect(await searchStatus()).toMatchObject({ errcode: 42001 });
    // The expired token is no longer offered.
    await page
      .locator('article', { hasText: 'Development and data analysis' })
      .getByText('none')
      .first()
      .waitFor();

    const now = await wx.control.clock.now();
    const china = new Date((now + 8 * 3600) * 1000);
    const firstOfNextMonth = Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 1) / 1000 - 8 * 3600;
    await page.getByRole('button', { name: 'Next China-time month' }).click();
    await result(page, /^The clock now reads \d{4}-\d{2}-01 00:00:0\d/);
    expect((await wx.control.clock.now()) - firstOfNextMonth).toBeLessThan(3);

    await page.getByLabel('Set the clock to (China time)').fill('2030-05-01T12:00:00');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await result(page, 'The clock now reads 2030-05-01 12:00:0');
    expect((await wx.control.clock.now()) - Date.UTC(2030, 4, 1, 4) / 1000).toBeLessThan(3);
    expect(errors.get(page)).toEqual([]);
  });

  it('snapshots: take, restore; reset wipes the state', async () => {
    const page = await open('#/');
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    await result(page, /^Snapshot \S+ taken$/);
    const [snapshot] = await wx.control.snapshots.list();
    await wx.control.accounts.patch(MP, { search_banned: true });
    await page.getByRole('button', { name: `Restore snapshot ${snapshot?.id}` }).click();
    await result(page, `Snapshot ${snapshot?.id} restored`);
    expect((await wx.control.accounts.get(MP)).search_banned).toBe(false);

    await page.getByRole('button', { name: 'Reset all state' }).click();
    await page.getByRole('button', { name: 'Really reset? Click again' }).click();
    await result(page, 'All state wiped');
    expect((await wx.control.accounts.list()).accounts).toEqual([]);
    await page.getByText('No third-party platform.').waitFor();
    expect(errors.get(page)).toEqual([]);
  });

  it('flags are switches: search_banned makes setSearchStatus answer 85083', async () => {
    const mpToken = await tokenOf(MP);
    const page = await open(`#/accounts/${MP}/search`);
    await page.getByLabel('search_banned').check();
    await result(page, 'search_banned is now on');
    expect((await wx.control.accounts.get(MP)).search_banned).toBe(true);
    expect(await wechat(`/wxa/changewxasearchstatus?access_token=${mpToken}`, { status: 1 })).toMatchObject({
      errcode: 85083,
    });
    await page.goto(`${wx.url}/_wxlocal/ui/#/accounts/${MP}/flags`);
    await loaded(page);
    await page.waitForFunction("document.querySelector('#flag-search_banned')?.checked === true");
    await page.getByLabel('allow_oa_link').uncheck();
    await result(page, 'allow_oa_link is now off');
    expect((await wx.control.accounts.get(MP)).allow_oa_link).toBe(false);
    expect(errors.get(page)).toEqual([]);
  });

  it('QR-code jump rules and the scan tester', async () => {
    await furnish();
    const page = await open(`#/accounts/${MP}/qrcode`);
    await page.getByText('100 of 100 publishes left this China-time month').waitFor();
    await page.getByText('unpublished').first().waitFor();
    await page.getByLabel('Scanned URL').fill('https://qr.example.com/shop/debug');
    await page.getByLabel('Who scans').selectOption('developer');
    await page.getByRole('button', { name: 'Scan' }).click();
    await result(
      page,
      `Opens ${MP} at pages/shop/index (develop build), by rule https://qr.example.com/shop/ via debug_url`,
    );
    await page.getByLabel('Who scans').selectOption('user');
    await page.getByLabel('Scanned URL').fill('https://qr.example.com/shop/1');
    await page.getByRole('button', { name: 'Scan' }).click();
    await result(page, 'Nothing opens: the matching rule is not published');
    expect(errors.get(page)).toEqual([]);
  });

  it('a platform: its domain pools, publish, its pushes, and "authorize an account"', async () => {
    const platform = await wx.control.platforms.create({
      name: 'Unpublished Platform',
      auth_event_url: 'http://127.0.0.1:9/wechat/callback',
    });
    const page = await open(`#/platforms/${platform.appid}`);
    await page.getByText('never published').first().waitFor();
    await page.getByRole('button', { name: 'Publish the platform' }).click();
    await result(page, 'Published: the testing domain pools are now in force');
    expect((await wx.control.platforms.domains(platform.appid)).server.published).toEqual([]);
    await page.getByText('never published').first().waitFor({ state: 'detached' });

    // An authorization pushes to the callback, which nothing answers: the push shows up as it fails.
    await wx.control.authorizations.create({
      component_appid: platform.appid,
      authorizer_appid: MP,
      func_info: [17],
    });
    const push = page.locator('details', { hasText: 'authorized' });
    await push.waitFor();
    await push.locator('summary').click();
    await push.getByText('<InfoType><![CDATA[authorized]]></InfoType>', { exact: false }).waitFor();

    expect(errors.get(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(/\/cgi-bin\/componentloginpage\?/),
      page.getByRole('button', { name: 'Authorize an account' }).click(),
    ]);
    const url = new URL(page.url());
    expect(url.searchParams.get('component_appid')).toBe(platform.appid);
    expect(url.searchParams.get('pre_auth_code')).toMatch(/^preauthcode@@@/);
    expect(url.searchParams.get('redirect_uri')).toBe(`/_wxlocal/ui/#/platforms/${platform.appid}`);

    // The authorization page leads back to the console, which shows the auth_code it brought.
    await page.check(`input[name=authorizer_appid][value="${OA}"]`);
    await Promise.all([page.waitForURL(/\/_wxlocal\/ui\//), page.click('button[value=confirm]')]);
    await result(page, /^Authorized: the authorization page handed back auth_code queryauthcode@@@/);
    expect(new URL(page.url()).search).toBe('');
    const { authorizations } = await wx.control.authorizations.list();
    expect(
      authorizations.some(
        (grant) => grant.component_appid === platform.appid && grant.authorizer_appid === OA,
      ),
    ).toBe(true);
    // The authorization page declares no icon, so Chromium asked that page's origin for /favicon.ico.
    expect(errors.get(page)?.filter((error) => !error.endsWith('/favicon.ico)'))).toEqual([]);
  });

  it('API quota: the counters follow calls; a daily limit set in the form is enforced (45009); the platform has its own', async () => {
    const mpToken = await tokenOf(MP);
    const searchStatus = () => wechat(`/wxa/getwxasearchstatus?access_token=${mpToken}`);
    expect(await searchStatus()).toMatchObject({ errcode: 0 });
    const page = await open(`#/accounts/${MP}/quota`);
    const form = page.getByRole('form', { name: 'Change the counters' });
    const cells = (path: string) => page.locator('tbody tr', { hasText: path }).locator('td').allInnerTexts();
    const path = '/wxa/getwxasearchstatus';
    await expect.poll(() => cells(path)).toEqual([path, '1 / 100000', '99999', 'no']);
    // A call made elsewhere shows up without a reload.
    expect(await searchStatus()).toMatchObject({ errcode: 0 });
    await expect.poll(() => cells(path)).toEqual([path, '2 / 100000', '99998', 'no']);

    await form.getByLabel('API path').fill(path);
    await form.getByLabel('Daily limit').fill('3');
    await form.getByRole('button', { name: 'Set', exact: true }).click();
    await result(page, `${path}: 2 of 3 used today, enforced. Clears this month: 0 of 10;`);
    await expect.poll(() => cells(path)).toEqual([path, '2 / 3', '1', 'yes']);
    expect(await searchStatus()).toMatchObject({ errcode: 0 });
    expect(await searchStatus()).toMatchObject({ errcode: 45009 });
    await expect.poll(() => cells(path)).toEqual([path, '3 / 3', '0', 'yes']);

    // Today's count set by hand, then the default limit again: counted, no longer refused.
    await form.getByLabel('Used today').fill('1');
    await form.getByRole('button', { name: 'Back to the default limit' }).click();
    await result(page, `${path}: 1 of 100000 used today, not enforced.`);
    await expect.poll(() => cells(path)).toEqual([path, '1 / 100000', '99999', 'no']);
    expect(await searchStatus()).toMatchObject({ errcode: 0 });

    // The month's clears used up: the next clear_quota answers 48006.
    for (const field of ['API path', 'Daily limit', 'Used today']) await form.getByLabel(field).fill('');
    await form.getByLabel('Quota clears used').fill('10');
    await form.getByRole('button', { name: 'Set', exact: true }).click();
    await result(page, 'Clears this month: 10 of 10; single-API clears: 0 of 50');
    await page.locator('dd', { hasText: '10 / 10' }).waitFor();
    expect(await wechat(`/cgi-bin/clear_quota?access_token=${mpToken}`, { appid: MP })).toMatchObject({
      errcode: 48006,
    });

    // A path wxlocal does not serve: the control plane's refusal, as worded.
    await form.getByLabel('API path').fill('/wxa/no_such_api');
    await form.getByLabel('Daily limit').fill('1');
    await form.getByRole('button', { name: 'Set', exact: true }).click();
    await result(page, /^Refused: \/wxa\/no_such_api .+ \(HTTP 400\)$/);
    expect(errors.get(page)).toEqual([
      expect.stringMatching(
        /status of 400 \(Bad Request\) \(http:\/\/[^)]+\/_wxlocal\/accounts\/[^)]+\/quota\)$/,
      ),
    ]);

    // The component's calls are charged to the platform, whose page has the same panel.
    const componentToken = async () =>
      wechat('/cgi-bin/component/api_component_token', {
        component_appid: PLATFORM,
        component_appsecret: DEMO.platform.secret,
        component_verify_ticket: (await wx.control.platforms.ticket(PLATFORM)).verify_ticket,
      });
    expect(await componentToken()).toHaveProperty('component_access_token');
    const platformPage = await open(`#/platforms/${PLATFORM}`);
    const tokenPath = '/cgi-bin/component/api_component_token';
    const section = platformPage.getByRole('region', { name: 'API quota' });
    const tokenCells = () =>
      section.locator('tbody tr', { hasText: tokenPath }).locator('td').allInnerTexts();
    await expect.poll(tokenCells).toEqual([tokenPath, '1 / 10000', '9999', 'no']);
    await section.getByLabel('API path').fill(tokenPath);
    await section.getByLabel('Daily limit').fill('1');
    await section.getByRole('button', { name: 'Set', exact: true }).click();
    await result(platformPage, `${tokenPath}: 1 of 1 used today, enforced.`);
    await expect.poll(tokenCells).toEqual([tokenPath, '1 / 1', '0', 'yes']);
    expect(await componentToken()).toMatchObject({ errcode: 45009 });
    await platformPage.screenshot({
      path: new URL('platform-quota-1280.png', SCREENSHOTS).pathname,
      fullPage: true,
    });
    expect(errors.get(platformPage)).toEqual([]);
  });

  it('requests: a call made elsewhere appears within a second, opens, and filters', async () => {
    const page = await open('#/requests');
    await page.getByText('No request yet.').waitFor();
    const answer = (await wechat('/wxa/getwxasearchstatus?access_token=not-a-token')) as { errmsg: string };
    const rid = answer.errmsg.split(' rid: ')[1] ?? '';
    await page.getByRole('button', { name: rid }).waitFor({ timeout: 1000 });
    expect(await wechat(`/wxa/getwxasearchstatus?access_token=${await tokenOf(MP)}`)).toMatchObject({
      errcode: 0,
    });
    await page.locator('tbody tr').nth(1).waitFor({ timeout: 1000 });

    await page.getByRole('button', { name: rid }).click();
    const call = page.locator('section.call');
    await call.getByText('"errcode": 40001').waitFor();
    // The control plane shortens tokens: their first 6 characters.
    expect(await call.innerText()).toContain('"access_token": "not-a-…"');

    await page.getByLabel('errcode').fill('40001');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    await page.getByLabel('errcode').fill('');
    await page.getByLabel('rid contains').fill(rid.slice(9, 17));
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    expect(await page.locator('tbody').innerText()).toContain(rid);
    expect(errors.get(page)).toEqual([]);
  });

  it('faults: rules armed through the form answer the next calls, the journal marks them, removing one ends it', async () => {
    const mpToken = await tokenOf(MP);
    const searchStatus = () => fetch(`${wx.url}/wxa/getwxasearchstatus?access_token=${mpToken}`);
    const page = await open('#/faults');
    const form = page.getByRole('form', { name: 'Arm a rule' });
    const row = (id: string) => page.locator('tbody tr', { hasText: id }).locator('td');

    // HTTP 503 on one endpoint, with no limit.
    await form.getByLabel('Endpoint').fill('getSearchStatus');
    await form.getByLabel('Effect', { exact: true }).selectOption('status');
    await form.getByLabel('HTTP status').fill('503');
    await form.getByLabel('Times it fires').fill('');
    await form.getByRole('button', { name: 'Arm', exact: true }).click();
    await result(page, /^Rule [0-9a-f]{8} armed on getSearchStatus: HTTP 503$/);
    const [gateway] = (await wx.control.faults.list()).faults;
    if (!gateway) throw new Error('the form armed no rule');
    expect(gateway).toMatchObject({ endpoint: 'getSearchStatus', status: 503, count: null, probability: 1 });
    const failed = await searchStatus();
    expect(failed.status).toBe(503);
    // A gateway's page, not WeChat's JSON.
    const gatewayPage = await failed.text();
    expect(() => JSON.parse(gatewayPage) as unknown).toThrow();
    await expect
      .poll(() => row(gateway.id).allInnerTexts())
      .toEqual([
        gateway.id,
        'getSearchStatus',
        'every account',
        'HTTP 503',
        '1',
        String(gateway.seed),
        'no limit',
        '1',
        'no limit',
        'Remove',
      ]);

    // errcode 45009 once, on every endpoint of one account, armed from the keyboard.
    await form.getByLabel('Endpoint').fill('');
    await form.getByLabel('appid').fill(MP);
    await form.getByLabel('Effect', { exact: true }).selectOption('errcode');
    await form.getByLabel('errcode', { exact: true }).fill('45009');
    await form.getByLabel('Times it fires').fill('1');
    await form.getByLabel('Times it fires').press('Enter');
    await result(page, /^Rule [0-9a-f]{8} armed on every endpoint: errcode 45009$/);
    const limited = (await wx.control.faults.list()).faults[1];
    if (!limited) throw new Error('the form armed no second rule');
    const qrcodeRules = () => wechat(`/cgi-bin/wxopen/qrcodejumpget?access_token=${mpToken}`, {});
    expect(await qrcodeRules()).toMatchObject({ errcode: 45009 });
    expect(await qrcodeRules()).toMatchObject({ errcode: 0 });

    // The control plane refuses a rule it cannot keep, and the page says why.
    await form.getByLabel('Endpoint').fill('noSuchEndpoint');
    await form.getByRole('button', { name: 'Arm', exact: true }).click();
    await result(page, /^Refused: endpoint: .+ \(HTTP 400\)$/);

    // The journal marks each call a rule fired on.
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.getByText(`rule ${gateway.id}: HTTP 503`).waitFor();
    await page.getByText(`rule ${limited.id}: errcode 45009`).waitFor();
    await page.getByRole('link', { name: 'Faults' }).click();
    await loaded(page);

    await page.getByRole('button', { name: `Remove rule ${gateway.id}` }).click();
    await result(page, `Rule ${gateway.id} removed`);
    const answered = await searchStatus();
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ errcode: 0 });

    await form.getByLabel('Endpoint').fill('setSearchStatus');
    await form.getByLabel('appid').fill('');
    await form.getByLabel('Effect', { exact: true }).selectOption('reset');
    await form.getByRole('button', { name: 'Arm', exact: true }).click();
    await result(page, /^Rule [0-9a-f]{8} armed on setSearchStatus: connection reset$/);
    await page.getByRole('button', { name: 'Remove all' }).click();
    await result(page, 'Every rule removed');
    await page.getByText('No rule armed.').waitFor();
    expect((await wx.control.faults.list()).faults).toEqual([]);
    // Chromium logs the refused POST; nothing else went wrong.
    expect(errors.get(page)).toEqual([
      expect.stringMatching(/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/_wxlocal\/faults\)$/),
    ]);
  });

  it('Chinese and English: the choice changes the text and is remembered; the default follows the browser', async () => {
    const page = await open('#/');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '总览' }).waitFor();
    for (const term of ['第三方平台', '授权', '权限集', '小程序', '公众号', '全网发布'])
      expect(await page.locator('main').innerText()).toContain(term);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.goto(`${wx.url}/_wxlocal/ui/#/accounts/${MP}/webview`);
    await page.reload();
    await loaded(page);
    for (const term of ['业务域名', '服务器域名', '扫码打开小程序', '关联'])
      expect(await page.locator('main').innerText()).toContain(term);
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Business domains' }).waitFor();

    const chinese = await open('#/', { locale: 'zh-CN' });
    await chinese.getByRole('heading', { name: '总览' }).waitFor();
    expect(errors.get(page)).toEqual([]);
    expect(errors.get(chinese)).toEqual([]);
  });

  it('with the keyboard only: reach a tab, follow it, turn a switch', async () => {
    const page = await open(`#/accounts/${MP}`);
    /** Presses Tab until the focused element has this text or this id. */
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(
          '[document.activeElement?.id, document.activeElement?.textContent?.trim()]',
        );
        if ((focused as string[]).includes(name)) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo('Flags');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Flags', level: 2 }).waitFor();
    await tabTo('flag-nearby_display');
    await page.keyboard.press('Space');
    await result(page, 'nearby_display is now on');
    expect((await wx.control.accounts.get(MP)).nearby_display).toBe(true);
    expect(errors.get(page)).toEqual([]);
  });

  it('live: the views follow changes made elsewhere, without a reload', async () => {
    const page = await open(`#/accounts/${MP}/flags`);
    await wx.control.accounts.patch(MP, { pay_enabled: true });
    await page.waitForFunction("document.querySelector('#flag-pay_enabled')?.checked === true", undefined, {
      timeout: 1000,
    });
    const overview = await open('#/');
    await wx.control.platforms.create({ name: 'Platform Made Elsewhere' });
    await overview.getByText('Platform Made Elsewhere').waitFor({ timeout: 1000 });
    expect(errors.get(page)).toEqual([]);
  });

  it('an emulator that requires the admin token: the console keeps the #token= of its URL', async () => {
    await wx.close();
    wx = await startWxlocal({ host: '0.0.0.0' });
    const port = new URL(wx.url).port;
    const base = `http://127.0.0.1:${port}`;
    expect(wx.adminToken).toBeTruthy();
    const page = await open(`#token=${wx.adminToken}`, { base });
    await page.getByText('wxlocal Demo Platform').waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await page.evaluate("sessionStorage.getItem('wxlocal.adminToken')")).toBe(wx.adminToken);
    await page.reload();
    await loaded(page);
    await page.getByText('wxlocal Demo Platform').waitFor();
    expect(errors.get(page)).toEqual([]);

    const without = await open('#/', { base });
    await without
      .getByText(/Could not load: .*\(HTTP 401\)/)
      .first()
      .waitFor();
  });
});
