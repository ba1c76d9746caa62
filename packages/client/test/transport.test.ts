import { createServer, type RequestListener, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { splitRid } from '../src/errors.js';
import { createClient, HttpError } from '../src/index.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}

/** A short timeout for the tests of timeouts; a test of what is sent gives a busy machine more time. */
const clientAt = (baseUrl: string, timeoutMs = 100) =>
  createClient({ componentAppid: 'wx0000000000000001', componentSecret: 's', baseUrl, timeoutMs });
const stableToken = { grant_type: 'client_credential', appid: 'wx0000000000000002', secret: 's' };

describe('transport', () => {
  it('sends the request to baseUrl + path and returns the payload', async () => {
    const seen: string[] = [];
    const baseUrl = await serve(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      seen.push(`${request.method} ${request.url} ${body}`);
      response.end('{"access_token":"t","expires_in":7200}');
    });
    expect(await clientAt(baseUrl, 5000).tokenless().getStableAccessToken(stableToken)).toEqual({
      access_token: 't',
      expires_in: 7200,
    });
    await clientAt(baseUrl, 5000).tokenless().getAccessToken(stableToken);
    expect(seen).toEqual([
      `POST /cgi-bin/stable_token ${JSON.stringify(stableToken)}`,
      'GET /cgi-bin/token?grant_type=client_credential&appid=wx0000000000000002&secret=s ',
    ]);
  });

  it('raises HttpError on a timeout and on a reply that is not WeChat JSON', async () => {
    const hanging = await serve(() => {});
    const timedOut = await clientAt(hanging)
      .tokenless()
      .getStableAccessToken(stableToken)
      .catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(HttpError);
    expect(timedOut).toMatchObject({ endpoint: 'getStableAccessToken', status: undefined });

    const notFound = await serve((_request, response) =>
      response.writeHead(404).end('{"error":"not found"}'),
    );
    const error = await clientAt(notFound)
      .tokenless()
      .getStableAccessToken(stableToken)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404 });
  });

  it('splits the rid off errmsg, whatever the base', () => {
    expect(splitRid('search status invalid rid: 6b0493c2-5d1f0e3a-0a8c44b1')).toEqual({
      base: 'search status invalid',
      rid: '6b0493c2-5d1f0e3a-0a8c44b1',
    });
    expect(splitRid(' rid: 61932a5b-0e248764-42d1c1b2')).toEqual({
      base: '',
      rid: '61932a5b-0e248764-42d1c1b2',
    });
    expect(splitRid('system error')).toEqual({ base: 'system error', rid: undefined });
  });
});
