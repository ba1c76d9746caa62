import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Encryptor from 'node-easywechat/dist/Core/Encryptor.js';
import ServerRequest from 'node-easywechat/dist/Core/Http/ServerRequest.js';
import MiniAppServer from 'node-easywechat/dist/MiniApp/Server.js';
import type { ServerEventType } from 'node-easywechat/dist/Types/global.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../client/src/index.js';
import {
  advanceClock,
  anotherMiniProgram,
  createWorld,
  type Harness,
  startEmulator,
  type World,
} from './helpers.js';

const keys = {
  message_token: 'auditpushtoken',
  encoding_aes_key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
const SYSTEM_OPENID = 'od1P50M-fNQI5Gcq-trm4a7apsU8';
const REJECT_REASON = '帐号信息不合规范';
const DELAY_REASON =
  '为了更好的服务小程序，您的服务商正在进行提审系统的优化，可能会导致审核时效的增长，请耐心等待';
// Audit events are missing from the SDK's event type, though its server dispatches them like any other.
const AUDIT_EVENTS = [
  'weapp_audit_success',
  'weapp_audit_fail',
  'weapp_audit_delay',
] as string[] as ServerEventType[];

interface Received {
  path: string;
  query: URLSearchParams;
  body: string;
  /** The message as node-easywechat's Mini Program server helper decrypted it. */
  easywechat: Record<string, string>;
}

/**
 * The platform's message URL, served by node-easywechat's server helper as a platform built on it would: it
 * verifies and decrypts each push and answers `success`.
 */
class MessageUrl {
  readonly pushes: Received[] = [];
  componentAppid = '';
  private server: Server = createServer((request, response) => void this.handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const encryptor = new Encryptor(this.componentAppid, keys.message_token, keys.encoding_aes_key);
    const server = new MiniAppServer(
      new ServerRequest('POST', request.url ?? '/', request.headers, body),
      encryptor,
    );
    let easywechat: Record<string, string> = {};
    for (const event of AUDIT_EVENTS) {
      server.addEventListener(event, async (message, next) => {
        easywechat = message.toObject();
        return next?.(message);
      });
    }
    const reply = await server.serve();
    this.pushes.push({ path: url.pathname, query: url.searchParams, body, easywechat });
    response.writeHead(reply.getStatusCode()).end(reply.getBody());
  }
}

let h: Harness;
let w: World;
let messageUrl: MessageUrl;
let base: string;

async function setUp(): Promise<void> {
  h = await startEmulator();
  w = await createWorld(h);
  messageUrl = new MessageUrl();
  messageUrl.componentAppid = w.platform.appid;
  base = await messageUrl.start();
}
async function tearDown(): Promise<void> {
  await h.close();
  await messageUrl.close();
}

const OK = { errcode: 0, errmsg: 'ok' };
const pushRecords = async () => (await h.get('/_wxlocal/pushes')).json.pushes;
const review = (body: unknown, appid = w.miniProgram.appid) =>
  h.post(`/_wxlocal/accounts/${appid}/audit`, body);
const patchPlatform = (body: unknown) => h.call('PATCH', `/_wxlocal/platforms/${w.platform.appid}`, body);
const clockNow = async (): Promise<number> => (await h.get('/_wxlocal/clock')).json.now;
const userName = async (appid: string): Promise<string> =>
  (await h.get(`/_wxlocal/accounts/${appid}`)).json.user_name;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const pushCount = (n: number) =>
  waitFor(() => (messageUrl.pushes.length >= n ? messageUrl.pushes : undefined), `${n} pushes`);

/** A template of the platform's library committed to the Mini Program, then submitted: the audit's id. */
async function commitAndSubmit(token = w.mpToken): Promise<number> {
  const draft = await h.post(`/_wxlocal/platforms/${w.platform.appid}/drafts`, {
    user_version: 'tpl-1',
    pages: ['pages/index'],
  });
  await h.post(`/wxa/addtotemplate?access_token=${w.componentToken}`, { draft_id: draft.json.draft_id });
  const templates = (await h.get(`/wxa/gettemplatelist?access_token=${w.componentToken}`)).json.template_list;
  const templateId = Math.max(...templates.map((template: { template_id: number }) => template.template_id));
  const committed = await h.post(`/wxa/commit?access_token=${token}`, {
    template_id: templateId,
    ext_json: '{}',
    user_version: 'v1.0.0',
    user_desc: 'first release',
  });
  expect(committed.json, committed.text).toEqual(OK);
  return submit(token);
}

async function submit(token = w.mpToken): Promise<number> {
  const submitted = await h.post(`/wxa/submit_audit?access_token=${token}`, {});
  expect(submitted.json, submitted.text).toMatchObject(OK);
  return submitted.json.auditid;
}

/** The audit event's fields, in WeChat's order (docs/code-management.md §8). */
function auditEvent(
  toUserName: string,
  time: number,
  event: string,
  details: Record<string, string | number>,
) {
  return {
    ToUserName: toUserName,
    FromUserName: SYSTEM_OPENID,
    CreateTime: time,
    MsgType: 'event',
    Event: event,
    ...details,
  };
}

/** The decrypted XML: strings in CDATA, numbers bare. */
function xmlOf(fields: Record<string, string | number>): string {
  const elements = Object.entries(fields).map(([name, value]) =>
    typeof value === 'number' ? `<${name}>${value}</${name}>` : `<${name}><![CDATA[${value}]]></${name}>`,
  );
  return `<xml>${elements.join('')}</xml>`;
}

/** Every field as text, as receivers read them. */
const asText = (fields: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)]));

/**
 * Checks one push end to end: its URL and envelope, and its decrypted message with node-easywechat (its encryptor
 * and its server helper) and with the typed client's push receiver.
 */
async function expectPush(push: Received, appid: string, fields: Record<string, string | number>) {
  expect(push.path).toBe(`/wx/${appid}/events`);
  expect(push.query.get('from')).toBe('test');
  expect(push.query.get('mp')).toBe(appid);
  expect(push.query.get('openid')).toBe(SYSTEM_OPENID);
  expect(push.query.get('encrypt_type')).toBe('aes');
  const envelope = new RegExp(
    `^<xml><ToUserName><!\\[CDATA\\[${fields.ToUserName}\\]\\]></ToUserName><Encrypt><!\\[CDATA\\[([A-Za-z0-9+/=]+)\\]\\]></Encrypt></xml>$`,
  ).exec(push.body);
  expect(envelope, push.body).not.toBeNull();

  const encryptor = new Encryptor(w.platform.appid, keys.message_token, keys.encoding_aes_key);
  const xml = encryptor.decrypt(
    envelope?.[1] ?? '',
    push.query.get('msg_signature') ?? '',
    push.query.get('nonce') ?? '',
    Number(push.query.get('timestamp')),
  );
  expect(xml).toBe(xmlOf(fields));

  const { Encrypt: _, ...easywechat } = push.easywechat;
  expect(easywechat).toEqual(asText(fields));

  const received: Record<string, string>[] = [];
  const client = createClient({
    componentAppid: w.platform.appid,
    componentSecret: w.platform.secret,
    messageToken: keys.message_token,
    encodingAesKey: keys.encoding_aes_key,
    baseUrl: h.baseUrl,
  });
  const receive = client.pushReceiver({ onOther: (message) => received.push(message) });
  expect(await receive(push.query, push.body)).toEqual({ status: 200, body: 'success' });
  expect(received).toHaveLength(1);
  expect(Object.entries(received[0] ?? {})).toEqual(Object.entries(asText(fields)));
  return xml;
}

describe('audit result pushes', () => {
  beforeEach(setUp);
  afterEach(tearDown);

  it('delay, fail and success reach the message URL with $APPID$ replaced, and decrypt exactly', async () => {
    await patchPlatform({ message_url: `${base}/wx/$APPID$/events?from=test&mp=$APPID$`, ...keys });
    const appid = w.miniProgram.appid;
    const gh = await userName(appid);
    await commitAndSubmit();

    const decide = async (body: unknown) => {
      const before = await clockNow();
      const decided = await review(body);
      expect(decided.status).toBe(200);
      return { before, after: await clockNow() };
    };
    const times: { before: number; after: number }[] = [];
    times.push(await decide({ result: 'delay' }));
    times.push(await decide({ result: 'reject', reason: '功能不完整', screenshot: 'media1|media2' }));
    await submit();
    times.push(await decide({ result: 'pass' }));
    const pushes = await pushCount(3);

    const at = pushes.map((push, i) => {
      const time = Number(push.easywechat.CreateTime);
      expect(time).toBeGreaterThanOrEqual(times[i]?.before ?? 0);
      expect(time).toBeLessThanOrEqual(times[i]?.after ?? 0);
      return time;
    });
    const expected = [
      auditEvent(gh, at[0] ?? 0, 'weapp_audit_delay', { Reason: DELAY_REASON, DelayTime: at[0] ?? 0 }),
      auditEvent(gh, at[1] ?? 0, 'weapp_audit_fail', {
        Reason: '功能不完整',
        FailTime: at[1] ?? 0,
        ScreenShot: 'media1|media2',
      }),
      auditEvent(gh, at[2] ?? 0, 'weapp_audit_success', { SuccTime: at[2] ?? 0 }),
    ];
    const xmls: string[] = [];
    for (const [i, push] of pushes.entries()) xmls.push(await expectPush(push, appid, expected[i] ?? {}));

    // A delivery is logged once its answer is read, a moment after the message URL got it.
    const records = await waitFor(async () => {
      const logged = await pushRecords();
      return logged.length >= 3 ? logged : undefined;
    }, '3 push records');
    expect(records).toHaveLength(3);
    expect([...records].reverse()).toEqual(
      expected.map((fields, i) => ({
        time: expect.any(Number),
        platform: w.platform.appid,
        authorizer: appid,
        info_type: fields.Event,
        url: expect.stringMatching(
          new RegExp(
            `^${base}/wx/${appid}/events\\?from=test&mp=${appid}&signature=[0-9a-f]{40}&timestamp=\\d+&nonce=\\d+&openid=${SYSTEM_OPENID}&encrypt_type=aes&msg_signature=[0-9a-f]{40}$`,
          ),
        ),
        status: 200,
        answer: 'success',
        outcome: 'delivered',
        xml: xmls[i],
        attempt: 1,
      })),
    );
  });

  it("a rejection without a reason or screenshot pushes the default reason and an empty ScreenShot, named by each Mini Program's path", async () => {
    await patchPlatform({ message_url: `${base}/wx/$APPID$/events?from=test&mp=$APPID$`, ...keys });
    const { appid: otherAppid, token: otherToken } = await anotherMiniProgram(h, w, {
      original_id: 'gh_0123456789ab',
    });
    await commitAndSubmit(otherToken);
    await review({ result: 'reject' }, otherAppid);
    const [push] = await pushCount(1);
    if (!push) throw new Error('no push');
    const time = Number(push.easywechat.CreateTime);
    await expectPush(
      push,
      otherAppid,
      auditEvent('gh_0123456789ab', time, 'weapp_audit_fail', {
        Reason: REJECT_REASON,
        FailTime: time,
        ScreenShot: '',
      }),
    );
  });

  it('a delay on a delayed audit pushes again; the policy decision is pushed at its due time once the clock moves', async () => {
    await patchPlatform({
      message_url: `${base}/wx/$APPID$/events?from=test&mp=$APPID$`,
      audit_policy: { result: 'pass', after_seconds: 600 },
      ...keys,
    });
    const appid = w.miniProgram.appid;
    await commitAndSubmit();
    const submitTime = (await h.get(`/wxa/get_latest_auditstatus?access_token=${w.mpToken}`)).json
      .submit_audit_time;
    await review({ result: 'delay', reason: '第一次延后' });
    await review({ result: 'delay', reason: '第二次延后' });
    await pushCount(2);
    await advanceClock(h, 599);
    await sleep(100);
    expect(messageUrl.pushes).toHaveLength(2);
    // No code API is called: the clock move applies the decision.
    await advanceClock(h, 1);
    const pushes = await pushCount(3);
    const gh = await userName(appid);
    const delayed = pushes.slice(0, 2).map((push) => push.easywechat.Reason);
    expect(delayed).toEqual(['第一次延后', '第二次延后']);
    const due = submitTime + 600;
    await expectPush(
      pushes[2] as Received,
      appid,
      auditEvent(gh, due, 'weapp_audit_success', { SuccTime: due }),
    );
    await sleep(100);
    expect(messageUrl.pushes).toHaveLength(3);
  });

  it('no message URL: decisions push nothing', async () => {
    await patchPlatform({ message_url: `${base}/wx/$APPID$/events?from=test&mp=$APPID$`, ...keys });
    await patchPlatform({ message_url: null });
    await commitAndSubmit();
    expect((await review({ result: 'delay' })).status).toBe(200);
    expect((await review({ result: 'pass' })).status).toBe(200);
    await sleep(200);
    expect(messageUrl.pushes).toEqual([]);
    expect(await pushRecords()).toEqual([]);
  });
});

describe('a decision that fell due while nothing looked', () => {
  // Without the emulator's one-second housekeeping, only a call of the Mini Program applies it.
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await setUp();
  });
  afterEach(async () => {
    await tearDown();
    vi.useRealTimers();
  });

  it('is applied, and pushed as of its due time, by the next code API call', async () => {
    await patchPlatform({
      message_url: `${base}/wx/$APPID$/events?from=test&mp=$APPID$`,
      audit_policy: { result: 'reject', after_seconds: 1 },
      ...keys,
    });
    const appid = w.miniProgram.appid;
    const auditid = await commitAndSubmit();
    const submitTime = (await h.get(`/wxa/get_latest_auditstatus?access_token=${w.mpToken}`)).json
      .submit_audit_time;
    // Two housekeeping periods past the due time.
    await sleep(2500);
    expect(messageUrl.pushes).toEqual([]);
    const status = await h.post(`/wxa/get_auditstatus?access_token=${w.mpToken}`, { auditid });
    expect(status.json).toEqual({ ...OK, status: 1, reason: REJECT_REASON, screenshot: '' });
    const [push] = await pushCount(1);
    const due = submitTime + 1;
    const gh = await userName(appid);
    await expectPush(
      push as Received,
      appid,
      auditEvent(gh, due, 'weapp_audit_fail', { Reason: REJECT_REASON, FailTime: due, ScreenShot: '' }),
    );
  });
});
