import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../src/app.js';
import { type Harness, startEmulator } from './helpers.js';

/** A raw request, so that Host and every other header are exactly as given. */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; json: unknown }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(text || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('bound to loopback', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('a page of another origin cannot reset it; the same origin with JSON can', async () => {
    h = await startEmulator();
    await h.post('/_wxlocal/accounts', { type: 'miniprogram' });
    const page = { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' };
    expect(await raw(h.baseUrl, 'POST', '/_wxlocal/reset', page, '{}')).toEqual({
      status: 403,
      json: { error: 'requests from another origin may not drive the control plane' },
    });
    expect((await h.get('/_wxlocal/accounts')).json.accounts).toHaveLength(1);
    // A text/plain write without an Origin (a form or script elsewhere) is refused too.
    expect(await raw(h.baseUrl, 'POST', '/_wxlocal/reset', { 'content-type': 'text/plain' }, '{}')).toEqual({
      status: 415,
      json: { error: 'control-plane writes take Content-Type: application/json' },
    });
    const same = { origin: h.baseUrl, 'content-type': 'application/json' };
    expect((await raw(h.baseUrl, 'POST', '/_wxlocal/reset', same, '{}')).status).toBe(200);
    expect((await h.get('/_wxlocal/accounts')).json.accounts).toEqual([]);
  });

  it('refuses a Host that is not its own (DNS rebinding) and serves loopback names', async () => {
    h = await startEmulator();
    expect(await raw(h.baseUrl, 'GET', '/_wxlocal/platforms', { host: 'evil.example' })).toEqual({
      status: 403,
      json: { error: 'the Host header names another server' },
    });
    const port = new URL(h.baseUrl).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await raw(h.baseUrl, 'GET', '/_wxlocal/health', { host })).status, host).toBe(200);
    }
    // The data plane is WeChat's, open to anyone as WeChat's is.
    const wechat = await raw(h.baseUrl, 'GET', '/wxa/getwxasearchstatus', { host: 'evil.example' });
    expect(wechat.json).toMatchObject({ errcode: 41001 });
  });

  it('is reached only at its literal path', async () => {
    h = await startEmulator();
    for (const path of ['/%5Fwxlocal/health', '/_wxlocal/%68ealth', '/%5fwxlocal/platforms']) {
      expect(await raw(h.baseUrl, 'GET', path), path).toEqual({ status: 404, json: { error: 'not found' } });
    }
  });
});

describe('bound to another address', () => {
  let emulator: Emulator;
  afterEach(() => emulator.close());

  async function start(adminToken?: string): Promise<string> {
    emulator = await createEmulator({ memory: true, adminToken });
    const url = await emulator.listen(0, '0.0.0.0');
    return url.replace('0.0.0.0', '127.0.0.1');
  }

  it('the control plane answers 401 without the generated token, the data plane and page stay open', async () => {
    const base = await start();
    const token = emulator.adminToken ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await raw(base, 'GET', '/_wxlocal/platforms')).toEqual({
      status: 401,
      json: {
        error:
          'the control plane needs Authorization: Bearer <admin token> (printed at start, or --admin-token)',
      },
    });
    expect((await raw(base, 'GET', '/_wxlocal/platforms', { authorization: 'Bearer wrong' })).status).toBe(
      401,
    );
    const authorized = await raw(base, 'GET', '/_wxlocal/platforms', { authorization: `Bearer ${token}` });
    expect(authorized).toEqual({ status: 200, json: { platforms: [] } });
    expect((await raw(base, 'GET', '/wxa/getwxasearchstatus')).json).toMatchObject({ errcode: 41001 });
    const page = await fetch(`${base}/cgi-bin/componentloginpage?component_appid=wx0`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('takes the token it is given', async () => {
    const base = await start('s3cret-token');
    expect(emulator.adminToken).toBe('s3cret-token');
    expect(
      (await raw(base, 'GET', '/_wxlocal/health', { authorization: 'Bearer s3cret-token' })).status,
    ).toBe(200);
  });
});
