import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const legacy = (body: unknown, token = w.mpToken) =>
  h.call('POST', `/wxa/setwebviewdomain?access_token=${token}`, body);
const effective = async () =>
  (await h.post(`/wxa/get_effective_webviewdomain?access_token=${w.mpToken}`, {})).json;
const OK = (webviewdomain: string[]) => ({ errcode: 0, errmsg: 'ok', webviewdomain });

/** Puts hosts in the component's jump-domain pool (testing and published), confirm files in place. */
async function jumpPool(...hosts: string[]): Promise<void> {
  const file = (
    await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${w.componentToken}`, {})
  ).json;
  for (const host of hosts) {
    await h.post('/_wxlocal/confirm-files', {
      url: `https://${host}/${file.file_name}`,
      content: file.file_content,
    });
  }
  const set = await h.post(`/cgi-bin/component/modify_wxa_jump_domain?access_token=${w.componentToken}`, {
    action: 'set',
    wxa_jump_h5_domain: hosts.join(';'),
    is_modify_published_together: true,
  });
  expect(set.json.errcode).toBe(0);
}

describe('setwebviewdomain (legacy)', () => {
  it('89020 while the component has no jump domains; get still answers', async () => {
    expect((await legacy({ action: 'get' })).text).toBe('{"errcode":0,"errmsg":"ok","webviewdomain":[]}');
    expect(wxError((await legacy({ action: 'add', webviewdomain: ['https://www.qq.com'] })).json)).toEqual({
      errcode: 89020,
      base: "open's webview domain is null! Need to set open's webview domain first!",
    });
  });

  it('add, delete and set within the pool (sub-domains allowed), the third list in every answer', async () => {
    await jumpPool('qq.com', 'example.com');
    expect(
      (await legacy({ action: 'add', webviewdomain: ['https://www.qq.com', 'https://qq.com'] })).json,
    ).toEqual(OK(['https://www.qq.com', 'https://qq.com']));
    expect((await legacy({ action: 'delete', webviewdomain: ['https://qq.com'] })).json).toEqual(
      OK(['https://www.qq.com']),
    );
    expect((await legacy({ action: 'set', webviewdomain: ['https://m.example.com'] })).json).toEqual(
      OK(['https://m.example.com']),
    );
    expect((await legacy({ action: 'get' })).json).toEqual(OK(['https://m.example.com']));
    expect((await effective()).third_webviewdomain).toEqual(['https://m.example.com']);
  });

  it('without an action every jump domain of the component is added', async () => {
    await jumpPool('qq.com', 'example.com');
    expect((await legacy({})).json).toEqual(OK(['https://qq.com', 'https://example.com']));
    expect(wxError((await legacy({})).json)).toEqual({ errcode: 89019, base: 'webview domain not change' });
  });

  it('89021 outside the pool or without https://, 89022 deleting what is not there, 89019 no change', async () => {
    await jumpPool('qq.com');
    const notOpen = { errcode: 89021, base: "request domain is not open's webview domain!" };
    for (const entry of [
      'https://www.example.com',
      'www.qq.com',
      'https://notqq.com',
      'https://www.qq.com:8443',
    ]) {
      expect(wxError((await legacy({ action: 'add', webviewdomain: [entry] })).json), entry).toEqual(notOpen);
    }
    expect(wxError((await legacy({ action: 'delete', webviewdomain: ['https://www.qq.com'] })).json)).toEqual(
      {
        errcode: 89022,
        base: 'delete domain is not exist!',
      },
    );
    await legacy({ action: 'add', webviewdomain: ['https://www.qq.com'] });
    expect(
      wxError((await legacy({ action: 'add', webviewdomain: ['https://WWW.qq.com'] })).json).errcode,
    ).toBe(89019);
    expect(wxError((await legacy({ action: 'bogus' })).json).errcode).toBe(40052);
  });

  it('89231 for a personal Mini Program, also on get', async () => {
    await h.call('PATCH', `/_wxlocal/accounts/${w.miniProgram.appid}`, { personal: true });
    expect(wxError((await legacy({ action: 'get' })).json)).toEqual({
      errcode: 89231,
      base: 'not support single',
    });
  });

  it('uses the testing pool for accounts on the test list, the published one for others', async () => {
    await jumpPool('qq.com');
    // Change the testing value only.
    const file = (
      await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${w.componentToken}`, {})
    ).json;
    await h.post('/_wxlocal/confirm-files', {
      url: `https://example.com/${file.file_name}`,
      content: file.file_content,
    });
    await h.post(`/cgi-bin/component/modify_wxa_jump_domain?access_token=${w.componentToken}`, {
      action: 'set',
      wxa_jump_h5_domain: 'example.com',
      is_modify_published_together: false,
    });
    expect(
      wxError((await legacy({ action: 'add', webviewdomain: ['https://example.com'] })).json).errcode,
    ).toBe(89021);
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, {
      test_accounts: [w.miniProgram.appid],
    });
    expect((await legacy({ action: 'add', webviewdomain: ['https://example.com'] })).json.errcode).toBe(0);
  });

  it('at release, third-party entries that left the pool are dropped and direct ones added', async () => {
    await jumpPool('qq.com', 'example.com');
    await legacy({ action: 'set', webviewdomain: ['https://www.qq.com', 'https://m.example.com'] });
    await h.call('PUT', `/_wxlocal/accounts/${w.miniProgram.appid}/webviewdomain`, {
      mp_webviewdomain: ['https://own.example.org'],
    });
    // The component removes example.com from its pool before the release.
    await h.post(`/cgi-bin/component/modify_wxa_jump_domain?access_token=${w.componentToken}`, {
      action: 'delete',
      wxa_jump_h5_domain: 'example.com',
      is_modify_published_together: true,
    });
    await h.post(`/_wxlocal/accounts/${w.miniProgram.appid}/release`);
    expect(await effective()).toEqual({
      errcode: 0,
      errmsg: 'ok',
      mp_webviewdomain: ['https://www.qq.com'],
      third_webviewdomain: ['https://www.qq.com', 'https://m.example.com'],
      direct_webviewdomain: [],
      effective_webviewdomain: ['https://www.qq.com'],
    });
  });
});
