import { createServer, type Server } from 'node:http';
import { type MessageFields, newEncodingAesKey, type PushKeys, sealPush } from '@wxlocal/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AuthorizationEvent,
  type LogEvent,
  MemoryCache,
  MissingCredentialError,
  type PushReceiver,
  type WeChatClient,
} from '../src/index.js';
import {
  callCounts,
  clientOf,
  createPlatform,
  type Harness,
  type Platform,
  startEmulator,
} from './helpers.js';

let h: Harness;
let p: Platform;
let keys: PushKeys;
let client: WeChatClient;
let events: AuthorizationEvent[];
let receive: PushReceiver;

beforeEach(async () => {
  h = await startEmulator();
  p = await createPlatform(h);
  keys = { appid: p.component.appid, token: 'pushtoken', encodingAesKey: newEncodingAesKey() };
  client = await clientOf(h, p, {
    cold: true,
    messageToken: keys.token,
    encodingAesKey: keys.encodingAesKey,
  });
  events = [];
  receive = client.pushReceiver({ onAuthorization: (event) => events.push(event) });
});
afterEach(() => h.close());

const now = () => Math.floor(Date.now() / 1000);

/** A push built as the emulator builds it (docs/tokens.md §4). */
function seal(fields: MessageFields, pushKeys: PushKeys = keys) {
  return sealPush({ AppId: pushKeys.appid, CreateTime: now(), ...fields }, pushKeys, now());
}

const ticketPush = () =>
  seal({ InfoType: 'component_verify_ticket', ComponentVerifyTicket: p.component.verify_ticket });

async function authorize(): Promise<{ appid: string; code: string; expiresAt: number }> {
  const account = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
  const authorization = (
    await h.post('/_wxlocal/authorizations', {
      component_appid: p.component.appid,
      authorizer_appid: account.appid,
      func_info: [18],
    })
  ).json;
  return {
    appid: account.appid,
    code: authorization.authorization_code,
    expiresAt: Math.floor(authorization.authorization_code_expires_at / 1000),
  };
}

describe('the push receiver', () => {
  it('stores the component_verify_ticket, which then gets the component token', async () => {
    const { query, body } = ticketPush();
    expect(await receive(query, body)).toEqual({ status: 200, body: 'success' });
    await client.component().getPreAuthCode();
    expect(await callCounts(h)).toEqual({ getComponentAccessToken: 1, getPreAuthCode: 1 });
  });

  it('hands authorization events over; their code redeems to a working authorizer', async () => {
    const ticket = ticketPush();
    await receive(ticket.query, ticket.body);
    const { appid, code, expiresAt } = await authorize();
    const authorized = seal({
      InfoType: 'authorized',
      AuthorizerAppid: appid,
      AuthorizationCode: code,
      AuthorizationCodeExpiredTime: expiresAt,
      PreAuthCode: 'preauthcode@@@x',
    });
    expect(await receive(authorized.query, authorized.body)).toEqual({ status: 200, body: 'success' });
    const unauthorized = seal({ InfoType: 'unauthorized', AuthorizerAppid: appid });
    expect(await receive(unauthorized.query, unauthorized.body)).toEqual({ status: 200, body: 'success' });

    expect(events).toEqual([
      {
        InfoType: 'authorized',
        AppId: p.component.appid,
        CreateTime: expect.any(Number),
        AuthorizerAppid: appid,
        AuthorizationCode: code,
        AuthorizationCodeExpiredTime: expiresAt,
        PreAuthCode: 'preauthcode@@@x',
      },
      {
        InfoType: 'unauthorized',
        AppId: p.component.appid,
        CreateTime: expect.any(Number),
        AuthorizerAppid: appid,
      },
    ]);
    const [first] = events;
    if (first?.InfoType !== 'authorized') throw new Error('expected an authorized event');
    await client.tokens.redeemAuthorizationCode(first.AuthorizationCode);
    expect(await client.authorizer(appid).getSearchStatus()).toEqual({ status: 0 });

    // Revoked: the receiver drops the account's tokens, so a later call reports the missing credential.
    const again = seal({ InfoType: 'unauthorized', AuthorizerAppid: appid });
    expect(await receive(again.query, again.body)).toEqual({ status: 200, body: 'success' });
    await expect(client.authorizer(appid).getSearchStatus()).rejects.toBeInstanceOf(MissingCredentialError);
  });

  it('rejects a tampered signature, a tampered message and a push for another component', async () => {
    const genuine = ticketPush();
    const tamperedSignature = {
      ...genuine.query,
      msg_signature: genuine.query.msg_signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    };
    const other = { ...keys, appid: 'wx0000000000000000' };
    const forOther = seal(
      { InfoType: 'component_verify_ticket', ComponentVerifyTicket: 'ticket@@@x' },
      other,
    );
    const wrongKey = seal(
      { InfoType: 'component_verify_ticket', ComponentVerifyTicket: 'ticket@@@x' },
      { ...keys, encodingAesKey: newEncodingAesKey() },
    );

    expect(await receive(tamperedSignature, genuine.body)).toEqual({
      status: 400,
      body: 'msg_signature does not match',
    });
    expect(
      await receive(genuine.query, genuine.body.replace('<Encrypt><![CDATA[', '<Encrypt><![CDATA[A')),
    ).toMatchObject({
      status: 400,
    });
    expect(await receive(forOther.query, forOther.body)).toEqual({
      status: 400,
      body: 'the message is for another appid',
    });
    expect((await receive(wrongKey.query, wrongKey.body)).status).toBe(400);
    expect((await receive(genuine.query, 'not xml')).status).toBe(400);
    await expect(client.component().getPreAuthCode()).rejects.toThrow(MissingCredentialError);
  });

  it('works behind node:http, with the query as URLSearchParams or as an object of lists', async () => {
    const server: Server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const reply = await receive(
        new URL(request.url ?? '/', 'http://localhost').searchParams,
        Buffer.concat(chunks).toString(),
      );
      response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const { query, body } = ticketPush();
      const answer = await fetch(`http://127.0.0.1:${port}/wechat/auth?${new URLSearchParams(query)}`, {
        method: 'POST',
        body,
      });
      expect([answer.status, await answer.text()]).toEqual([200, 'success']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Express and Fastify hand a repeated parameter over as a list: the first value counts.
    const push = ticketPush();
    const listed = Object.fromEntries(
      Object.entries(push.query).map(([name, value]) => [name, [value, 'x']]),
    );
    expect(await receive(listed, push.body)).toEqual({ status: 200, body: 'success' });
    await client.component().getPreAuthCode();
  });
});

describe('replays and failures', () => {
  const at = (seconds: number, fields: MessageFields) =>
    sealPush({ AppId: keys.appid, CreateTime: seconds, ...fields }, keys, seconds);
  const ticketAt = (seconds: number, ticket: string) =>
    at(seconds, { InfoType: 'component_verify_ticket', ComponentVerifyTicket: ticket });

  async function receiverWithCache(options: Parameters<WeChatClient['pushReceiver']>[0] = {}) {
    const cache = new MemoryCache();
    const withCache = await clientOf(h, p, {
      cold: true,
      cache,
      messageToken: keys.token,
      encodingAesKey: keys.encodingAesKey,
    });
    const storedTicket = () => cache.get(`wxlocal:verify_ticket:${p.component.appid}`);
    return { receive: withCache.pushReceiver(options), storedTicket };
  }

  it('refuses a push older than the window and never lets an older ticket replace a newer one', async () => {
    const t0 = now();
    let clock = t0 * 1000;
    const tickets: string[] = [];
    const { receive: wide, storedTicket } = await receiverWithCache({
      now: () => clock,
      windowSeconds: 3600,
      onVerifyTicket: (push) => void tickets.push(push.ComponentVerifyTicket),
    });
    const older = ticketAt(t0, 'ticket@@@older');
    expect(await wide(older.query, older.body)).toEqual({ status: 200, body: 'success' });
    clock += 600_000;
    const newer = ticketAt(t0 + 600, 'ticket@@@newer');
    expect(await wide(newer.query, newer.body)).toEqual({ status: 200, body: 'success' });

    // The same push again is refused; the older ticket pushed anew is answered, not stored.
    expect(await wide(older.query, older.body)).toEqual({ status: 400, body: 'push already received' });
    const resent = ticketAt(t0, 'ticket@@@older');
    expect(await wide(resent.query, resent.body)).toEqual({ status: 200, body: 'success' });
    expect(await storedTicket()).toBe('ticket@@@newer');
    expect(tickets).toEqual(['ticket@@@older', 'ticket@@@newer']);

    // With the default five minutes, the replay 600 s later is refused outright.
    const { receive: strict } = await receiverWithCache({ now: () => clock });
    expect(await strict(older.query, older.body)).toEqual({
      status: 400,
      body: 'timestamp is outside the replay window',
    });
    clock = (t0 + 300) * 1000;
    expect((await strict(older.query, older.body)).status).toBe(200);
  });

  it('handles a push once across clients sharing a cache, as processes sharing a Redis do', async () => {
    const cache = new MemoryCache();
    const handled: string[] = [];
    const receivers = await Promise.all(
      ['first', 'second'].map(async (name) => {
        const sharing = await clientOf(h, p, {
          cold: true,
          cache,
          messageToken: keys.token,
          encodingAesKey: keys.encodingAesKey,
        });
        return sharing.pushReceiver({ onVerifyTicket: () => void handled.push(name) });
      }),
    );
    const push = ticketPush();
    const answers = await Promise.all(receivers.map((receiveOne) => receiveOne(push.query, push.body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(handled).toHaveLength(1);
  });

  it('reports a throwing handler and still answers success; a short signature is refused', async () => {
    const failures: unknown[] = [];
    const failing = client.pushReceiver({
      onVerifyTicket: () => {
        throw new Error('handler broke');
      },
      onError: (error, fields) => void failures.push([(error as Error).message, fields.InfoType]),
    });
    const push = ticketPush();
    expect(await failing(push.query, push.body)).toEqual({ status: 200, body: 'success' });
    expect(failures).toEqual([['handler broke', 'component_verify_ticket']]);
    expect(await failing({ ...push.query, msg_signature: 'abc' }, push.body)).toEqual({
      status: 400,
      body: 'msg_signature does not match',
    });

    const reporterFails = client.pushReceiver({
      onVerifyTicket: () => {
        throw new Error('handler broke');
      },
      onError: () => {
        throw new Error('reporter broke too');
      },
    });
    const another = ticketPush();
    expect(await reporterFails(another.query, another.body)).toEqual({ status: 200, body: 'success' });

    const logged: LogEvent[] = [];
    const withLogger = await clientOf(h, p, {
      cold: true,
      messageToken: keys.token,
      encodingAesKey: keys.encodingAesKey,
      logger: (event) => void logged.push(event),
    });
    const rejecting = withLogger.pushReceiver({ onOther: () => Promise.reject(new Error('no')) });
    const other = seal({ InfoType: 'notify_third_fasteregister' });
    expect(await rejecting(other.query, other.body)).toEqual({ status: 200, body: 'success' });
    expect(logged).toEqual([
      { type: 'push', action: 'failed', infoType: 'notify_third_fasteregister', error: new Error('no') },
    ]);

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bare = client.pushReceiver({ onOther: () => Promise.reject(new Error('unheard')) });
    const again = seal({ InfoType: 'notify_third_fasteregister' });
    expect(await bare(again.query, again.body)).toEqual({ status: 200, body: 'success' });
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
