import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuthorizationEvent, createClient, type PushReceiver, type WeChatClient } from '../src/index.js';
import { callCounts, type Harness, startEmulator } from './helpers.js';

const keys = {
  message_token: 'clientpushtoken',
  encoding_aes_key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456',
};

interface Push {
  url: string;
  body: string;
  reply: { status: number; body: string };
}

let h: Harness;
let server: Server;
let callbackUrl: string;
let client: WeChatClient | undefined;
let receive: PushReceiver | undefined;
const pushes: Push[] = [];
const events: AuthorizationEvent[] = [];

/** The platform's authorization-event URL, served with the client's receiver as the README shows it. */
beforeEach(async () => {
  h = await startEmulator();
  pushes.length = 0;
  events.length = 0;
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const reply = receive ? await receive(query, body) : { status: 503, body: 'not ready' };
    pushes.push({ url: request.url ?? '', body, reply });
    response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/auth-event`;
});
afterEach(async () => {
  await h.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A platform whose pushes reach the client's receiver; the client starts with an empty cache. */
async function platformWithReceiver(): Promise<{ appid: string; secret: string }> {
  const platform = (await h.post('/_wxlocal/platforms', { published: true })).json;
  client = createClient({
    componentAppid: platform.appid,
    componentSecret: platform.secret,
    messageToken: keys.message_token,
    encodingAesKey: keys.encoding_aes_key,
    baseUrl: h.baseUrl,
  });
  const redeemer = client;
  receive = client.pushReceiver({
    onAuthorization: async (event) => {
      events.push(event);
      if (event.InfoType !== 'unauthorized')
        await redeemer.tokens.redeemAuthorizationCode(event.AuthorizationCode);
    },
  });
  await h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, { auth_event_url: callbackUrl, ...keys });
  return platform;
}

describe("the emulator's real pushes", () => {
  it('deliver a verify ticket and authorization events the client acts on', async () => {
    const platform = await platformWithReceiver();
    await waitFor(() => pushes.length >= 1, 'the verify ticket push');
    expect(pushes[0]?.reply).toEqual({ status: 200, body: 'success' });
    await client?.component().getPreAuthCode();

    const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    await h.post('/_wxlocal/authorizations', {
      component_appid: platform.appid,
      authorizer_appid: account.appid,
      func_info: [18],
    });
    await waitFor(() => events.length >= 1 && pushes.length >= 2, 'the authorized push');
    expect(events[0]).toMatchObject({
      InfoType: 'authorized',
      AppId: platform.appid,
      AuthorizerAppid: account.appid,
    });
    await client?.authorizer(account.appid).setSearchStatus({ status: 1 });

    await h.call('DELETE', `/_wxlocal/authorizations/${platform.appid}/${account.appid}`);
    await waitFor(() => events.length >= 2, 'the unauthorized push');
    expect(events[1]).toMatchObject({ InfoType: 'unauthorized', AuthorizerAppid: account.appid });
    expect(pushes.map((push) => push.reply.body)).toEqual(['success', 'success', 'success']);
    // The ticket came from the push, the authorizer's tokens from redeeming the pushed code.
    expect(await callCounts(h)).toMatchObject({
      getComponentAccessToken: 1,
      getAuthorizerRefreshToken: 1,
      setSearchStatus: 1,
    });
    expect((await callCounts(h)).getAuthorizerAccessToken).toBeUndefined();
  });

  it('are refused once their signature is tampered with', async () => {
    await platformWithReceiver();
    await waitFor(() => pushes.length >= 1, 'the verify ticket push');
    const [push] = pushes;
    const url = new URL(push?.url ?? '', 'http://localhost');
    const signature = url.searchParams.get('msg_signature') ?? '';
    url.searchParams.set('msg_signature', `${signature.startsWith('0') ? '1' : '0'}${signature.slice(1)}`);
    const tampered = await receive?.(url.searchParams, push?.body ?? '');
    expect(tampered).toEqual({ status: 400, body: 'msg_signature does not match' });
    // The genuine push was handled when it came; delivered again, it is a replay.
    expect(
      await receive?.(new URL(push?.url ?? '', 'http://localhost').searchParams, push?.body ?? ''),
    ).toEqual({
      status: 400,
      body: 'push already received',
    });
  });
});
