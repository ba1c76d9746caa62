import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

/**
 * A call with a token already seen reads its caller from a cache (src/areas/tokens/caller-cache.ts). Each test
 * calls once to fill it, changes the state by one path, and checks that the next call sees the change.
 */

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const searchStatus = async () => (await h.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`)).json;
const setSearchStatus = (status: number) =>
  h.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status });
const confirmFile = async () =>
  (await h.post(`/cgi-bin/component/get_domain_confirmfile?access_token=${w.componentToken}`, {})).json;
const shown = (status: number) => ({ errcode: 0, errmsg: 'ok', status });

describe('the caller cache follows every change of the state', () => {
  it('a write on the data plane', async () => {
    expect(await searchStatus()).toEqual(shown(0));
    expect((await setSearchStatus(1)).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await searchStatus()).toEqual(shown(1));
  });

  it('a revocation on the control plane', async () => {
    expect(await searchStatus()).toEqual(shown(0));
    const revoked = await h.call(
      'DELETE',
      `/_wxlocal/authorizations/${w.platform.appid}/${w.miniProgram.appid}`,
    );
    expect(revoked.status).toBe(200);
    expect(wxError(await searchStatus()).errcode).toBe(61003);
  });

  it("a change of the component's IP allow-list", async () => {
    expect((await confirmFile()).errcode).toBe(0);
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { ip_whitelist: ['192.0.2.1'] });
    expect(wxError(await confirmFile()).errcode).toBe(61004);
  });

  it('a reset', async () => {
    expect(await searchStatus()).toEqual(shown(0));
    expect((await h.post('/_wxlocal/reset')).status).toBe(200);
    expect(wxError(await searchStatus()).errcode).toBe(40001);
  });

  it('a snapshot restored', async () => {
    const snapshot = (await h.post('/_wxlocal/snapshots')).json;
    await setSearchStatus(1);
    expect(await searchStatus()).toEqual(shown(1));
    expect((await h.post(`/_wxlocal/snapshots/${snapshot.id}/restore`)).status).toBe(200);
    expect(await searchStatus()).toEqual(shown(0));
  });

  it('a state document imported', async () => {
    const document = (await h.get('/_wxlocal/state')).json;
    await setSearchStatus(1);
    expect(await searchStatus()).toEqual(shown(1));
    expect((await h.call('PUT', '/_wxlocal/state', document)).status).toBe(200);
    expect(await searchStatus()).toEqual(shown(0));
  });

  it('the clock moved past the expiry of the token', async () => {
    expect(await searchStatus()).toEqual(shown(0));
    await h.post('/_wxlocal/clock', { advance: 7200 });
    expect(wxError(await searchStatus()).errcode).toBe(42001);
  });

  it('a refused call leaves the cached caller as it was', async () => {
    expect((await setSearchStatus(2)).json.errcode).not.toBe(0);
    expect(await searchStatus()).toEqual(shown(0));
    expect((await setSearchStatus(1)).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await searchStatus()).toEqual(shown(1));
  });
});
