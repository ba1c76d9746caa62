import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type Harness, startEmulator, type World, wxError } from './helpers.js';

let h: Harness;
let w: World;
beforeEach(async () => {
  h = await startEmulator();
  w = await createWorld(h);
});
afterEach(() => h.close());

const setStatus = (status: number) =>
  h.post(`/wxa/changewxasearchstatus?access_token=${w.mpToken}`, { status });
const getStatus = async () => (await h.get(`/wxa/getwxasearchstatus?access_token=${w.mpToken}`)).json;

describe('injected faults', () => {
  it('the next calls answer the armed errcode and change nothing, then the endpoint works again', async () => {
    const armed = await h.post('/_wxlocal/faults', { endpoint: 'setSearchStatus', errcode: -1, count: 2 });
    expect(armed.status).toBe(201);
    expect(armed.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      endpoint: 'setSearchStatus',
      appid: null,
      errcode: -1,
      status: null,
      network: null,
      hang_ms: null,
      latency_ms: null,
      after_commit: false,
      probability: 1,
      seed: expect.any(Number),
      count: 2,
      fired: 0,
      remaining: 2,
      created_at: expect.any(Number),
    });
    expect(wxError((await setStatus(1)).json)).toEqual({ errcode: -1, base: 'system error' });
    expect((await h.get('/_wxlocal/faults')).json.faults).toEqual([
      { ...armed.json, fired: 1, remaining: 1 },
    ]);
    expect(wxError((await setStatus(1)).json).errcode).toBe(-1);
    expect((await getStatus()).status).toBe(0);
    expect((await setStatus(1)).json).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await getStatus()).status).toBe(1);
    const calls = (await h.get('/_wxlocal/requests')).json.requests.filter(
      (entry: { endpoint: string }) => entry.endpoint === 'setSearchStatus',
    );
    expect(calls.map((entry: { errcode: number }) => entry.errcode)).toEqual([0, -1, -1]);
  });

  it('is armed by path too, with any catalogued errcode; empty bases stay empty', async () => {
    await h.post('/_wxlocal/faults', { endpoint: '/cgi-bin/wxopen/qrcodejumppublish', errcode: 886001 });
    const busy = (
      await h.post(`/cgi-bin/wxopen/qrcodejumppublish?access_token=${w.mpToken}`, { prefix: 'x' })
    ).json;
    expect(busy.errcode).toBe(886001);
    expect(busy.errmsg).toMatch(/^ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect((await h.get('/_wxlocal/faults')).json.faults).toEqual([]);
  });

  it('refuses unknown endpoints and errcodes; DELETE and reset disarm', async () => {
    for (const body of [
      { endpoint: 'noSuchInterface', errcode: -1 },
      { endpoint: 'setSearchStatus', errcode: 12345 },
      { endpoint: 'setSearchStatus', errcode: -1, count: 0 },
      { endpoint: 'setSearchStatus' },
    ]) {
      const response = await h.post('/_wxlocal/faults', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toEqual(expect.any(String));
    }
    await h.post('/_wxlocal/faults', { endpoint: 'setSearchStatus', errcode: -1 });
    expect((await h.call('DELETE', '/_wxlocal/faults')).json).toEqual({ faults: [] });
    expect((await setStatus(1)).json.errcode).toBe(0);
    await h.post('/_wxlocal/faults', { endpoint: 'getSearchStatus', errcode: 48004 });
    await h.post('/_wxlocal/reset');
    expect((await h.get('/_wxlocal/faults')).json.faults).toEqual([]);
  });
});
