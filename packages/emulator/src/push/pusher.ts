import { type Addressee, buildXml, type MessageFields, sealPush } from '@wxlocal/api';
import type { FastifyBaseLogger } from 'fastify';
import { findAccount, findPlatform, listPlatforms, markTicketPushed } from '../areas/accounts/store.js';
import { currentTicket } from '../areas/tokens/verify-tickets.js';
import type { Clock } from '../clock.js';
import type { Events } from '../events.js';
import { Ring } from '../ring.js';
import { syncClock } from '../store/clock-offset.js';
import type { Store } from '../store/index.js';

/** One delivery as `GET /_wxlocal/pushes` shows it. */
export interface PushRecord {
  time: number;
  platform: string;
  /** The authorizer a message event is about; absent for authorization events. */
  authorizer?: string;
  /** `InfoType` of an authorization event, `Event` of a message event. */
  info_type: string;
  url: string;
  status: number | null;
  answer: string | null;
  /** delivered: HTTP 200 and the body `success`; refused: any other answer; unreachable; timeout. */
  outcome: 'delivered' | 'refused' | 'unreachable' | 'timeout';
  /** The decrypted message, for debugging. */
  xml: string;
}

export interface PusherOptions {
  timeoutMs?: number;
  /** How often (real ms) pushes that fell due are looked for. */
  intervalMs?: number;
}

/** Characters of a callback's answer kept; at most four times as many bytes are read, then it is dropped. */
const ANSWER_LIMIT = 500;

/** The start of the answer: a callback that streams forever or sends a huge body costs no more than this. */
async function readAnswer(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < ANSWER_LIMIT * 4) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString('utf8').slice(0, ANSWER_LIMIT);
}

/** The system OpenID message events come from (docs/code-management.md §8). */
const SYSTEM_OPENID = 'od1P50M-fNQI5Gcq-trm4a7apsU8';

/**
 * WeChat's pushes to each platform: to its authorization-event URL (docs/tokens.md §4) the component_verify_ticket
 * every 600 emulated seconds and authorization events; to its message URL the events of its authorizers, such as
 * audit results (docs/code-management.md §8). Deliveries to one platform keep their order, never block a call,
 * the clock or shutdown, and are recorded whatever their outcome.
 */
export class Pusher {
  readonly records = new Ring<PushRecord>(500);
  private readonly queues = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly events: Events,
    private readonly options: PusherOptions = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.pushDueTickets(), this.options.intervalMs ?? 1000);
    this.timer.unref();
  }

  /**
   * Pushes each platform's current ticket if it has not been pushed yet: after the clock moved by 600 s or
   * more, only the latest ticket is pushed, so the current ticket is always the last one pushed.
   */
  async pushDueTickets(): Promise<void> {
    if (this.closed) return;
    try {
      await syncClock(this.store, this.clock);
      const due = await this.store.transaction(async (tx) => {
        const pushes: { appid: string; fields: MessageFields }[] = [];
        for (const platform of await listPlatforms(tx)) {
          if (!platform.auth_event_url) continue;
          const ticket = await currentTicket(tx, platform.appid, this.clock.now());
          if (ticket.ticket === platform.last_pushed_ticket) continue;
          await markTicketPushed(tx, platform.appid, ticket.ticket);
          pushes.push({
            appid: platform.appid,
            fields: {
              AppId: platform.appid,
              CreateTime: Math.floor(ticket.issued_at / 1000),
              InfoType: 'component_verify_ticket',
              ComponentVerifyTicket: ticket.ticket,
            },
          });
        }
        return pushes;
      });
      for (const push of due) this.enqueue(push.appid, push.fields);
    } catch (error) {
      if (!this.closed) this.log.error({ err: error }, 'ticket push failed');
    }
  }

  /**
   * Queues a message for the platform; it goes out after the ones queued before it. With `authorizerAppid` it is
   * that authorizer's event, sent to the message URL; otherwise an authorization event.
   */
  enqueue(componentAppid: string, fields: MessageFields, authorizerAppid?: string): void {
    if (this.closed) return;
    const previous = this.queues.get(componentAppid) ?? Promise.resolve();
    const next = previous
      .then(() =>
        authorizerAppid === undefined
          ? this.deliver(componentAppid, fields)
          : this.deliverEvent(componentAppid, authorizerAppid, fields),
      )
      .catch((error) => {
        if (!this.closed) this.log.error({ err: error }, 'push failed');
      });
    this.queues.set(componentAppid, next);
  }

  /** Resolves once every queued delivery has ended. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      await Promise.all(pending);
      if ([...this.queues.values()].every((queue, i) => queue === pending[i])) return;
    }
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const controller of this.inFlight) controller.abort();
  }

  private async deliver(componentAppid: string, fields: MessageFields): Promise<void> {
    if (this.closed) return;
    const platform = await findPlatform(this.store.db, componentAppid);
    if (!platform?.auth_event_url) return;
    const keys = {
      appid: platform.appid,
      token: platform.message_token,
      encodingAesKey: platform.encoding_aes_key,
    };
    const sealed = sealPush(fields, keys, this.clock.nowSeconds());
    const url = new URL(platform.auth_event_url);
    for (const [name, value] of Object.entries(sealed.query)) url.searchParams.set(name, value);
    const record = await this.post(url, sealed.body);
    this.keep({
      time: this.clock.nowSeconds(),
      platform: platform.appid,
      info_type: String(fields.InfoType),
      url: url.href,
      ...record,
      xml: buildXml(fields),
    });
  }

  /** An authorizer's event: to the message URL with `$APPID$` replaced, the envelope naming the authorizer. */
  private async deliverEvent(componentAppid: string, authorizerAppid: string, fields: MessageFields) {
    if (this.closed) return;
    const platform = await findPlatform(this.store.db, componentAppid);
    const account = await findAccount(this.store.db, authorizerAppid);
    if (!platform?.message_url || !account) return;
    const keys = {
      appid: platform.appid,
      token: platform.message_token,
      encodingAesKey: platform.encoding_aes_key,
    };
    const addressee: Addressee = { toUserName: account.user_name, openid: SYSTEM_OPENID };
    const sealed = sealPush(fields, keys, this.clock.nowSeconds(), undefined, addressee);
    const url = new URL(platform.message_url.replaceAll('$APPID$', authorizerAppid));
    for (const [name, value] of Object.entries(sealed.query)) url.searchParams.set(name, value);
    const record = await this.post(url, sealed.body);
    this.keep({
      time: this.clock.nowSeconds(),
      platform: platform.appid,
      authorizer: authorizerAppid,
      info_type: String(fields.Event),
      url: url.href,
      ...record,
      xml: buildXml(fields),
    });
  }

  /** Logs a delivery and tells the event stream. */
  private keep(record: PushRecord): void {
    this.records.record(record);
    if (this.events.listening) this.events.publish({ type: 'push', data: record });
  }

  private async post(url: URL, body: string): Promise<Pick<PushRecord, 'status' | 'answer' | 'outcome'>> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 3000);
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/xml' },
        signal: controller.signal,
      });
      const answer = await readAnswer(response);
      const outcome = response.status === 200 && answer.trim() === 'success' ? 'delivered' : 'refused';
      return { status: response.status, answer, outcome };
    } catch {
      return { status: null, answer: null, outcome: controller.signal.aborted ? 'timeout' : 'unreachable' };
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
  }
}
