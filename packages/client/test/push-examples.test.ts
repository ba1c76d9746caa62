import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type MessageFields, sealPush } from '@wxlocal/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pushApp as expressApp } from '../examples/push-express.js';
import { pushApp as fastifyApp } from '../examples/push-fastify.js';
import { pushServer } from '../examples/push-node-http.js';
import type { WeChatClient } from '../src/index.js';
import {
  callCounts,
  clientOf,
  createPlatform,
  type Harness,
  type Platform,
  startEmulator,
} from './helpers.js';

const MESSAGE_TOKEN = 'examplepushtoken';
const ENCODING_AES_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456';

/** Each README example, started on a free port; resolves with its URL and a stop function. */
const servers: Record<string, (client: WeChatClient) => Promise<{ url: string; stop: () => Promise<void> }>> =
  {
    'node:http': async (client) => {
      const server = pushServer(client);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/auth-event`,
        stop: () => new Promise((resolve) => server.close(() => resolve())),
      };
    },
    express: async (client) => {
      const server = expressApp(client).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/auth-event`,
        stop: () => new Promise((resolve) => server.close(() => resolve())),
      };
    },
    fastify: async (client) => {
      const app = fastifyApp(client);
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      return { url: `${address}/wechat/auth-event`, stop: () => app.close() };
    },
  };

let h: Harness;
let p: Platform;

beforeEach(async () => {
  h = await startEmulator();
  p = await createPlatform(h);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);

function seal(fields: MessageFields, timestamp = now()) {
  const keys = { appid: p.component.appid, token: MESSAGE_TOKEN, encodingAesKey: ENCODING_AES_KEY };
  return sealPush({ AppId: p.component.appid, CreateTime: timestamp, ...fields }, keys, timestamp);
}

async function post(url: string, push: ReturnType<typeof seal>): Promise<[number, string]> {
  const answer = await fetch(`${url}?${new URLSearchParams(push.query)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: push.body,
  });
  return [answer.status, await answer.text()];
}

async function authorizedPush() {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const { authorization_code, authorization_code_expires_at } = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: p.component.appid,
      authorizer_appid: account.appid,
      func_info: [18],
    })
  ).json;
  return seal({
    InfoType: 'authorized',
    AuthorizerAppid: account.appid,
    AuthorizationCode: authorization_code,
    AuthorizationCodeExpiredTime: Math.floor(authorization_code_expires_at / 1000),
    PreAuthCode: 'preauthcode@@@example',
  });
}

describe.each(Object.keys(servers))('the README push example on %s', (framework) => {
  it('survives a replayed push and a throwing handler, and handles each push once', async () => {
    const client = await clientOf(h, p, { messageToken: MESSAGE_TOKEN, encodingAesKey: ENCODING_AES_KEY });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const start = servers[framework];
    if (!start) throw new Error(framework);
    const { url, stop } = await start(client);
    try {
      const authorized = await authorizedPush();
      expect(await post(url, authorized)).toEqual([200, 'success']);
      // The same push again (a replay, or WeChat's retry): refused, not redeemed a second time.
      expect(await post(url, authorized)).toEqual([400, 'push already received']);
      expect((await callCounts(h)).getAuthorizerRefreshToken).toBe(1);
      expect(errors).not.toHaveBeenCalled();

      // A new push with a code WeChat does not know: redeeming throws 61009, the error is reported, WeChat
      // still gets success.
      const unknownCode = seal({
        InfoType: 'authorized',
        AuthorizerAppid: 'wx0000000000000001',
        AuthorizationCode: 'queryauthcode@@@spent',
        AuthorizationCodeExpiredTime: now() + 3600,
        PreAuthCode: 'preauthcode@@@example',
      });
      expect(await post(url, unknownCode)).toEqual([200, 'success']);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]?.[0])).toBe('push authorized not handled:');
      expect(errors.mock.calls[0]?.[1]).toMatchObject({ errcode: 61009 });

      // Older than the five-minute window: refused.
      const stale = seal({ InfoType: 'component_verify_ticket', ComponentVerifyTicket: 'x' }, now() - 301);
      expect(await post(url, stale)).toEqual([400, 'timestamp is outside the replay window']);
      // Still serving.
      const ticket = seal({
        InfoType: 'component_verify_ticket',
        ComponentVerifyTicket: p.component.verify_ticket,
      });
      expect(await post(url, ticket)).toEqual([200, 'success']);
    } finally {
      await stop();
    }
  });
});

describe('the README', () => {
  it('shows each push example as it is compiled and tested here', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const file of ['push-node-http.ts', 'push-express.ts', 'push-fastify.ts']) {
      const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8');
      expect(readme, file).toContain(`\`\`\`ts\n${source}\`\`\``);
    }
  });
});
