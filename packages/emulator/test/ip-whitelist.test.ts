import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const patch = (path: string, body: unknown) => h.call('PATCH', path, body);

describe('IP allow-lists (off while empty)', () => {
  it("a component's list gives 61004 quoting the caller on api_component_token and component endpoints", async () => {
    const listed = await patch(`/_wxlocal/platforms/${w.platform.appid}`, { ip_whitelist: ['10.1.2.3'] });
    expect(listed.json.ip_whitelist).toEqual(['10.1.2.3']);
    const expected = { errcode: 61004, base: 'access clientip is not registered requestIP: 127.0.0.1' };
    const token = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: w.platform.appid,
      component_appsecret: w.platform.secret,
      component_verify_ticket: w.platform.verify_ticket,
    });
    expect(wxError(token.json)).toEqual(expected);
    const refresh = await h.post(`/cgi-bin/component/api_authorizer_token?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
      authorizer_refresh_token: w.mpRefreshToken,
    });
    expect(wxError(refresh.json)).toEqual(expected);
    // A wrong secret is reported before the address.
    const wrongSecret = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: w.platform.appid,
      component_appsecret: 'x',
      component_verify_ticket: w.platform.verify_ticket,
    });
    expect(wxError(wrongSecret.json).errcode).toBe(40125);

    // Checked right after the token, before its kind: an authorizer token of the platform gets 61004 too.
    const wrongKind = await h.post(`/cgi-bin/component/api_create_preauthcode?access_token=${w.mpToken}`, {
      component_appid: w.platform.appid,
    });
    expect(wxError(wrongKind.json)).toEqual(expected);

    await patch(`/_wxlocal/platforms/${w.platform.appid}`, { ip_whitelist: ['10.1.2.3', '127.0.0.1'] });
    const again = await h.post(`/cgi-bin/component/api_authorizer_token?access_token=${w.componentToken}`, {
      component_appid: w.platform.appid,
      authorizer_appid: w.miniProgram.appid,
      authorizer_refresh_token: w.mpRefreshToken,
    });
    expect(again.json.expires_in).toBe(7200);
  });

  it("an account's list gives 40164 on /cgi-bin/token and stable_token", async () => {
    await patch(`/_wxlocal/accounts/${w.miniProgram.appid}`, { ip_whitelist: ['10.1.2.3'] });
    const expected = { errcode: 40164, base: 'invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist' };
    const { appid, secret } = w.miniProgram;
    const own = await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
    expect(wxError(own.json)).toEqual(expected);
    const stable = await h.post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid, secret });
    expect(wxError(stable.json)).toEqual(expected);
  });
});

describe('frozen AppSecret', () => {
  it('answers 40243 with an empty base text', async () => {
    await patch(`/_wxlocal/accounts/${w.miniProgram.appid}`, { secret_frozen: true });
    const { appid, secret } = w.miniProgram;
    const own = await h.get(`/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
    expect(own.json.errcode).toBe(40243);
    expect(own.json.errmsg).toMatch(/^ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });
});
