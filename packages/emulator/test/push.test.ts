import { createDecipheriv, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Encryptor from 'node-easywechat/dist/Core/Encryptor.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { advanceClock, createWorld, type Harness, startEmulator, wxError } from './helpers.js';

interface Received {
  query: URLSearchParams;
  body: string;
}

/** A platform's callback: records every push and answers what `reply` says (or never). */
class Receiver {
  readonly pushes: Received[] = [];
  reply: 'success' | 'fail' | 'hang' = 'success';
  private server: Server = createServer((request, response) => this.handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/wechat/auth-event?from=test`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: import('node:http').ServerResponse) {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      this.pushes.push({ query: new URL(request.url ?? '/', 'http://x').searchParams, body });
      if (this.reply !== 'hang') response.end(this.reply);
    });
  }
}

let h: Harness;
let receiver: Receiver;
let callback: string;
beforeEach(async () => {
  h = await startEmulator({ pushTimeoutMs: 400 });
  receiver = new Receiver();
  callback = await receiver.start();
});
afterEach(async () => {
  await h.close();
  await receiver.close();
});

const keys = {
  message_token: 'pushtesttoken',
  encoding_aes_key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
const pushes = async () => (await h.get('/_wxlocal/pushes')).json.pushes;

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const pushCount = (n: number) =>
  waitFor(() => (receiver.pushes.length >= n ? receiver.pushes : undefined), `${n} pushes`);

/** docs/tokens.md §4, written out independently of the emulator's code. */
function decryptIndependently(push: Received, token: string, encodingAesKey: string) {
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(push.body)?.[1] ?? '';
  const [timestamp, nonce] = [push.query.get('timestamp') ?? '', push.query.get('nonce') ?? ''];
  const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');
  expect(push.query.get('encrypt_type')).toBe('aes');
  expect(push.query.get('signature')).toBe(sha1(token, timestamp, nonce));
  expect(push.query.get('msg_signature')).toBe(sha1(token, timestamp, nonce, encrypt));
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const length = plain.readUInt32BE(16);
  const xml = plain.subarray(20, 20 + length).toString();
  const field = (name: string) =>
    new RegExp(`<${name}>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</${name}>`).exec(xml)?.[1];
  return { xml, field, appid: plain.subarray(20 + length, plain.length - (plain.at(-1) ?? 0)).toString() };
}

describe('messaging settings', () => {
  it('are generated when absent, and malformed ones are refused with a 4xx', async () => {
    const generated = (await h.post('/_wxlocal/platforms', {})).json;
    expect(generated.auth_event_url).toBeNull();
    expect(generated.encoding_aes_key).toMatch(/^[A-Za-z0-9]{43}$/);
    for (const body of [
      { encoding_aes_key: 'short' },
      { encoding_aes_key: `${'a'.repeat(42)}+` },
      { message_token: 'x' },
      { auth_event_url: 'ftp://example.com/' },
    ]) {
      const response = await h.post('/_wxlocal/platforms', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error).toEqual(expect.any(String));
      expect((await h.call('PATCH', `/_wxlocal/platforms/${generated.appid}`, body)).status).toBe(400);
    }
    const patched = await h.call('PATCH', `/_wxlocal/platforms/${generated.appid}`, { auth_event_url: null });
    expect(patched.json.auth_event_url).toBeNull();
  });
});

describe('component_verify_ticket push', () => {
  it('arrives encrypted and signed, decrypts independently and with node-easywechat, and redeems', async () => {
    const platform = (await h.post('/_wxlocal/platforms', { auth_event_url: callback, ...keys })).json;
    expect(platform).toMatchObject({ auth_event_url: callback, ...keys });
    const [first] = await pushCount(1);
    if (!first) throw new Error('no push');
    expect(first.query.get('from')).toBe('test');
    expect(first.body).toMatch(
      new RegExp(
        `^<xml><AppId><!\\[CDATA\\[${platform.appid}\\]\\]></AppId><Encrypt><!\\[CDATA\\[[A-Za-z0-9+/=]+\\]\\]></Encrypt></xml>$`,
      ),
    );
    const message = decryptIndependently(first, keys.message_token, keys.encoding_aes_key);
    expect(message.appid).toBe(platform.appid);
    expect(message.field('InfoType')).toBe('component_verify_ticket');
    expect(message.field('AppId')).toBe(platform.appid);
    expect(message.field('CreateTime')).toMatch(/^\d{10}$/);
    const ticket = message.field('ComponentVerifyTicket') ?? '';
    expect(ticket).toBe(platform.verify_ticket);

    const easywechat = new Encryptor(platform.appid, keys.message_token, keys.encoding_aes_key);
    const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]>/.exec(first.body)?.[1] ?? '';
    const viaSdk = easywechat.decrypt(
      encrypt,
      first.query.get('msg_signature') ?? '',
      first.query.get('nonce') ?? '',
      Number(first.query.get('timestamp')),
    );
    expect(viaSdk).toBe(message.xml);

    const token = await h.post('/cgi-bin/component/api_component_token', {
      component_appid: platform.appid,
      component_appsecret: platform.secret,
      component_verify_ticket: ticket,
    });
    expect(token.json.expires_in).toBe(7200);
    // A delivery is logged once its answer is read, a moment after the URL got it.
    expect(await waitFor(async () => (await pushes())[0], 'the delivery logged')).toMatchObject({
      platform: platform.appid,
      info_type: 'component_verify_ticket',
      outcome: 'delivered',
      status: 200,
      answer: 'success',
    });
  });

  it('a new ticket every 600 emulated seconds; after a long jump only the latest, which is the current one', async () => {
    const platform = (await h.post('/_wxlocal/platforms', { auth_event_url: callback, ...keys })).json;
    await pushCount(1);
    await advanceClock(h, 599);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.pushes).toHaveLength(1);
    await advanceClock(h, 1);
    await pushCount(2);
    await advanceClock(h, 3600);
    const all = await pushCount(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(all).toHaveLength(3);
    const tickets = all.map((push) =>
      decryptIndependently(push, keys.message_token, keys.encoding_aes_key).field('ComponentVerifyTicket'),
    );
    expect(new Set(tickets).size).toBe(3);
    expect((await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket).toBe(tickets[2]);
  });

  it('api_start_push_ticket pushes a new ticket at once', async () => {
    const platform = (await h.post('/_wxlocal/platforms', { auth_event_url: callback, ...keys })).json;
    await pushCount(1);
    const started = await h.post('/cgi-bin/component/api_start_push_ticket', {
      component_appid: platform.appid,
      component_secret: platform.secret,
    });
    expect(started.json).toEqual({ errcode: 0, errmsg: 'in a normal state' });
    const [, second] = await pushCount(2);
    if (!second) throw new Error('no second push');
    const ticket = decryptIndependently(second, keys.message_token, keys.encoding_aes_key).field(
      'ComponentVerifyTicket',
    );
    expect(ticket).not.toBe(platform.verify_ticket);
    expect((await h.get(`/_wxlocal/platforms/${platform.appid}/ticket`)).json.verify_ticket).toBe(ticket);
  });

  it('refusals, silence and unreachable URLs are recorded and block nothing', async () => {
    receiver.reply = 'fail';
    const platform = (await h.post('/_wxlocal/platforms', { auth_event_url: callback, ...keys })).json;
    const refused = await waitFor(async () => (await pushes())[0], 'a refused push');
    expect(refused).toMatchObject({ outcome: 'refused', status: 200, answer: 'fail' });

    receiver.reply = 'hang';
    const started = Date.now();
    await h.post('/cgi-bin/component/api_start_push_ticket', {
      component_appid: platform.appid,
      component_secret: platform.secret,
    });
    expect((await h.get('/_wxlocal/health')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(300);
    const timedOut = await waitFor(
      async () => (await pushes()).find((p: { outcome: string }) => p.outcome === 'timeout'),
      'a timeout',
    );
    expect(timedOut).toMatchObject({ status: null, answer: null });

    await h.call('PATCH', `/_wxlocal/platforms/${platform.appid}`, {
      auth_event_url: 'http://127.0.0.1:1/closed',
    });
    await h.post('/cgi-bin/component/api_start_push_ticket', {
      component_appid: platform.appid,
      component_secret: platform.secret,
    });
    const unreachable = await waitFor(
      async () => (await pushes()).find((p: { outcome: string }) => p.outcome === 'unreachable'),
      'an unreachable push',
    );
    expect(unreachable.url).toMatch(/^http:\/\/127\.0\.0\.1:1\/closed\?signature=/);
    expect(unreachable.xml).toContain('<InfoType><![CDATA[component_verify_ticket]]></InfoType>');
  });
});

describe('authorization events', () => {
  it('authorized, updateauthorized (only when the sets change) and unauthorized, in order, with the fields WeChat sends', async () => {
    const w = await createWorld(h);
    await h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, { auth_event_url: callback, ...keys });
    await pushCount(1);
    const mp = (await h.post('/_wxlocal/accounts', { type: 'miniprogram' })).json;
    const grant = (func_info: number[]) =>
      h.post('/_wxlocal/authorizations', {
        component_appid: w.platform.appid,
        authorizer_appid: mp.appid,
        func_info,
      });
    const first = (await grant([18])).json;
    await grant([18]);
    const second = (await grant([17, 18])).json;
    await h.call('DELETE', `/_wxlocal/authorizations/${w.platform.appid}/${mp.appid}`);
    const received = await pushCount(4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(4);
    const events = received
      .slice(1)
      .map((push) => decryptIndependently(push, keys.message_token, keys.encoding_aes_key));
    expect(events.map((event) => event.field('InfoType'))).toEqual([
      'authorized',
      'updateauthorized',
      'unauthorized',
    ]);
    const [authorized, updated, unauthorized] = events;
    if (!authorized || !updated || !unauthorized) throw new Error('missing events');
    expect(authorized.field('AuthorizerAppid')).toBe(mp.appid);
    expect(authorized.field('AuthorizationCode')).toBe(first.authorization_code);
    expect(Number(authorized.field('AuthorizationCodeExpiredTime'))).toBe(
      first.authorization_code_expires_at,
    );
    expect(authorized.field('PreAuthCode')).toMatch(/^preauthcode@@@/);
    expect(updated.field('AuthorizationCode')).toBe(second.authorization_code);
    const fieldNames = (xml: string) =>
      [...xml.matchAll(/<(\w+)>/g)].map((match) => match[1]).filter((name) => name !== 'xml');
    expect(fieldNames(authorized.xml)).toEqual([
      'AppId',
      'CreateTime',
      'InfoType',
      'AuthorizerAppid',
      'AuthorizationCode',
      'AuthorizationCodeExpiredTime',
      'PreAuthCode',
    ]);
    expect(fieldNames(unauthorized.xml)).toEqual(['AppId', 'CreateTime', 'InfoType', 'AuthorizerAppid']);
    // After the revocation the account's tokens answer 61003.
    const search = await h.get(`/wxa/getwxasearchstatus?access_token=${second.authorizer_access_token}`);
    expect(wxError(search.json).errcode).toBe(61003);
  });
});
