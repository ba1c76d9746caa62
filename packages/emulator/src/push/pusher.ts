import { type Addressee, buildXml, type MessageFields, sealPush } from '@wxlocal/api';
import type { FastifyBaseLogger } from 'fastify';
import { findAccount, findPlatform, listPlatforms, markTicketPushed } from '../areas/accounts/store.js';
import { currentTicket } from '../areas/tokens/verify-tickets.js';
import type { Clock } from '../clock.js';
import type { Events } from '../events.js';
import { storedNow, syncClock } from '../store/clock-offset.js';
import type { Store } from '../store/index.js';
import {
  claimPushes,
  finishPush,
  type OutboxMessage,
  queuePushes,
  recentPushes,
} from '../store/push-outbox.js';
import type { OutboxRow } from '../store/schema.js';

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
  /** 1, or more when an instance stopped while delivering it and another took it over. */
  attempt: number;
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

/** Deliveries `GET /_wxlocal/pushes` keeps. */
const LOG_SIZE = 500;
/** How long past its delivery timeout an instance holds a push before another may take it over. */
const CLAIM_MARGIN_MS = 2000;

/**
 * WeChat's pushes to each platform: to its authorization-event URL (docs/tokens.md §4) the component_verify_ticket
 * every 600 emulated seconds and authorization events; to its message URL the events of its authorizers, such as
 * audit results (docs/code-management.md §8). A push is queued in the outbox by the transaction that asked for
 * it and delivered once it committed, by whichever instance claims it (docs/shared-mode.md §4). Deliveries to
 * one platform keep their order, never block a call, the clock or shutdown, and are recorded whatever their
 * outcome.
 */
export class Pusher {
  private readonly inFlight = new Set<AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private claiming = false;
  private claimAgain = false;

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
   * Queues each platform's current ticket if it has not been pushed yet: after the clock moved by 600 s or
   * more, only the latest ticket is pushed, so the current ticket is always the last one pushed. Then
   * delivers what waits, including pushes other instances left.
   */
  async pushDueTickets(): Promise<void> {
    if (this.closed) return;
    try {
      await syncClock(this.store, this.clock);
      await this.store.transaction(async (tx) => {
        // The clock as the store has it now: another instance may have moved it since it was read.
        const now = await storedNow(this.clock, tx);
        const pushes: OutboxMessage[] = [];
        for (const platform of await listPlatforms(tx)) {
          if (!platform.auth_event_url) continue;
          const ticket = await currentTicket(tx, platform.appid, now);
          if (ticket.ticket === platform.last_pushed_ticket) continue;
          await markTicketPushed(tx, platform.appid, ticket.ticket);
          const fields = {
            AppId: platform.appid,
            CreateTime: Math.floor(ticket.issued_at / 1000),
            InfoType: 'component_verify_ticket',
            ComponentVerifyTicket: ticket.ticket,
          };
          pushes.push(outboxMessage(platform.appid, fields));
        }
        await queuePushes(tx, pushes);
      });
      this.deliver();
    } catch (error) {
      if (!this.closed) this.log.error({ err: error }, 'ticket push failed');
    }
  }

  /** Starts delivering what waits in the outbox and nobody holds; returns at once. */
  deliver(): void {
    if (this.closed) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    this.claiming = true;
    void this.claim().finally(() => {
      this.claiming = false;
      if (this.claimAgain) {
        this.claimAgain = false;
        this.deliver();
      }
    });
  }

  /** The last `limit` deliveries, newest first. */
  records(limit: number): Promise<PushRecord[]> {
    return recentPushes(this.store.db, limit) as Promise<PushRecord[]>;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const controller of this.inFlight) controller.abort();
  }

  /** Claims each platform's next push and sends it; a platform's following push goes once it is done. */
  private async claim(): Promise<void> {
    try {
      const now = this.clock.real();
      const until = now + (this.options.timeoutMs ?? 3000) + CLAIM_MARGIN_MS;
      const claimed = await this.store.transaction((tx) => claimPushes(tx, now, until));
      for (const push of claimed) void this.send(push).finally(() => this.deliver());
    } catch (error) {
      if (!this.closed) this.log.error({ err: error }, 'push failed');
    }
  }

  private async send(push: OutboxRow): Promise<void> {
    const fields = JSON.parse(push.fields) as MessageFields;
    const delivery =
      push.authorizer_appid === null
        ? await this.sendAuthorizationEvent(push.component_appid, fields)
        : await this.sendMessageEvent(push.component_appid, push.authorizer_appid, fields);
    // Stopped mid-delivery: the push stays claimed until another instance (or the next start) takes it over.
    if (this.closed) return;
    const record: PushRecord | undefined = delivery && { ...delivery, attempt: push.attempts };
    try {
      await this.store.transaction((tx) => finishPush(tx, push.seq, record, LOG_SIZE));
    } catch (error) {
      this.log.error({ err: error }, 'push failed');
      return;
    }
    if (record && this.events.listening) this.events.publish({ type: 'push', data: record });
  }

  /** An authorization event, to the authorization-event URL; undefined when the platform has none. */
  private async sendAuthorizationEvent(componentAppid: string, fields: MessageFields) {
    const platform = await findPlatform(this.store.db, componentAppid);
    if (!platform?.auth_event_url) return undefined;
    const keys = {
      appid: platform.appid,
      token: platform.message_token,
      encodingAesKey: platform.encoding_aes_key,
    };
    const sealed = sealPush(fields, keys, this.clock.nowSeconds());
    const url = new URL(platform.auth_event_url);
    for (const [name, value] of Object.entries(sealed.query)) url.searchParams.set(name, value);
    const answer = await this.post(url, sealed.body);
    return {
      time: this.clock.nowSeconds(),
      platform: platform.appid,
      info_type: String(fields.InfoType),
      url: url.href,
      ...answer,
      xml: buildXml(fields),
    };
  }

  /** An authorizer's event: to the message URL with `$APPID$` replaced, the envelope naming the authorizer. */
  private async sendMessageEvent(componentAppid: string, authorizerAppid: string, fields: MessageFields) {
    const platform = await findPlatform(this.store.db, componentAppid);
    const account = await findAccount(this.store.db, authorizerAppid);
    if (!platform?.message_url || !account) return undefined;
    const keys = {
      appid: platform.appid,
      token: platform.message_token,
      encodingAesKey: platform.encoding_aes_key,
    };
    const addressee: Addressee = { toUserName: account.user_name, openid: SYSTEM_OPENID };
    const sealed = sealPush(fields, keys, this.clock.nowSeconds(), undefined, addressee);
    const url = new URL(platform.message_url.replaceAll('$APPID$', authorizerAppid));
    for (const [name, value] of Object.entries(sealed.query)) url.searchParams.set(name, value);
    const answer = await this.post(url, sealed.body);
    return {
      time: this.clock.nowSeconds(),
      platform: platform.appid,
      authorizer: authorizerAppid,
      info_type: String(fields.Event),
      url: url.href,
      ...answer,
      xml: buildXml(fields),
    };
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

/** A message for the outbox: an authorization event, or with `authorizerAppid` that authorizer's event. */
export function outboxMessage(
  componentAppid: string,
  fields: MessageFields,
  authorizerAppid: string | null = null,
): OutboxMessage {
  return {
    component_appid: componentAppid,
    authorizer_appid: authorizerAppid,
    fields: JSON.stringify(fields),
  };
}
