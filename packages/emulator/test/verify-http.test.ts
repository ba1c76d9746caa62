import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createWorld, startEmulator, wxError } from './helpers.js';

/** The times of `count` calls, one after another, shortest first. */
async function timesMs(count: number, call: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

describe('--verify-http', () => {
  it("a host that never answers delays only its own call, not another account's", async () => {
    const hanging: ServerResponse[] = [];
    const site = createServer((_request, response) => hanging.push(response));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const port = (site.address() as AddressInfo).port;
    const h = await startEmulator({
      verifyHttp: true,
      hostMap: { 'slow.example.com': `http://127.0.0.1:${port}` },
    });
    try {
      const w = await createWorld(h);
      const other = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
      const grant = { component_appid: w.platform.appid, authorizer_appid: other.appid, func_info: [18] };
      const otherToken = (await h.post('/_wxlocal/authorizations', grant)).json.authorizer_access_token;
      const search = () => h.get(`/wxa/getwxasearchstatus?access_token=${otherToken}`);
      const idle = (await timesMs(21, search))[10] ?? 0;

      const slow = h.post(`/wxa/setwebviewdomain_directly?access_token=${w.mpToken}`, {
        action: 'add',
        webviewdomain: ['https://slow.example.com'],
      });
      while (hanging.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      // Every call while the host hangs, the slowest included.
      const busy = (await timesMs(5, search)).at(-1) ?? 0;
      expect((await search()).json).toEqual({ status: 0, errcode: 0, errmsg: 'ok' });
      expect(busy / Math.max(idle, 1)).toBeLessThan(50);

      site.closeAllConnections();
      expect(wxError((await slow).json).errcode).toBe(86103);
      expect(
        (await h.post(`/wxa/get_effective_webviewdomain?access_token=${w.mpToken}`, {})).json,
      ).toMatchObject({
        direct_webviewdomain: [],
      });
    } finally {
      await h.close();
      site.close();
    }
  });
});
