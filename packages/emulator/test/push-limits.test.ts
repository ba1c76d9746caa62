import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from './helpers.js';

const MB = 1024 * 1024;

describe('a callback that streams its answer forever', () => {
  it('costs no memory beyond the answer kept: RSS stays within 50 MB', async () => {
    const chunk = Buffer.alloc(MB, 'x');
    let sent = 0;
    const stream = (response: ServerResponse) => {
      while (!response.destroyed && response.write(chunk)) sent += MB;
      if (!response.destroyed) response.once('drain', () => stream(response));
    };
    const callback = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/plain' });
      stream(response);
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
    const h = await startEmulator({ pushTimeoutMs: 3000 });
    try {
      global.gc?.();
      const before = process.memoryUsage().rss;
      await h.post('/_wxlocal/platforms', { auth_event_url: url });
      let record: { answer: string; outcome: string } | undefined;
      for (let waited = 0; !record && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        record = (await h.get('/_wxlocal/pushes')).json.pushes[0];
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(record).toMatchObject({ outcome: 'refused', answer: 'x'.repeat(500) });
      expect(process.memoryUsage().rss - before).toBeLessThan(50 * MB);
      expect(sent).toBeLessThan(64 * MB);
    } finally {
      await h.close();
      callback.closeAllConnections();
      callback.close();
    }
  });
});
