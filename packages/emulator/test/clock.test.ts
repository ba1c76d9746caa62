import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const OUT_OF_RANGE = {
  error:
    'the emulated time must stay between 946684800 (2000-01-01) and 4102444799 (2099-12-31); advance may be negative',
};
const move = (body: unknown) => h.post('/_wxlocal/clock', body);

describe('the emulated clock', () => {
  it('stays within 2000-01-01 .. 2099-12-31: moves beyond are refused and change nothing', async () => {
    const now = (await h.get('/_wxlocal/clock')).json.now;
    for (const body of [
      { advance: 1e10 },
      { advance: -1e10 },
      { set: 946_684_799 },
      { set: 4_102_444_800 },
    ]) {
      const refused = await move(body);
      expect({ status: refused.status, json: refused.json }, JSON.stringify(body)).toEqual({
        status: 400,
        json: OUT_OF_RANGE,
      });
    }
    expect((await h.get('/_wxlocal/clock')).json.now - now).toBeLessThan(5);
    expect((await move({ set: 4_102_444_799 })).json).toEqual({ now: 4_102_444_799 });
    expect((await move({ set: 946_684_800 })).json).toEqual({ now: 946_684_800 });
  });

  it('moves back with a negative advance; no token then reports more than its lifetime', async () => {
    const stable = async () =>
      (
        await h.post('/cgi-bin/stable_token', {
          grant_type: 'client_credential',
          appid: w.miniProgram.appid,
          secret: w.miniProgram.secret,
        })
      ).json;
    const first = await stable();
    expect(first.expires_in).toBe(7200);
    const before = (await h.get('/_wxlocal/clock')).json.now;
    const after = (await move({ advance: -3 * 3600 })).json.now;
    expect(before - after).toBeGreaterThanOrEqual(3 * 3600 - 1);
    const again = await stable();
    expect(again).toEqual({ access_token: first.access_token, expires_in: 7200 });
    // Quota periods follow the clock back: no error, the day's count goes on.
    expect((await h.post(`/cgi-bin/wxopen/qrcodejumpget?access_token=${w.mpToken}`, {})).json.errcode).toBe(
      0,
    );
  });
});
