import type { MessageFields } from '@wxlocal/api';
import type { Tx } from '../store/index.js';
import type { Meter } from './meter.js';

/**
 * Work a transaction leaves for after its commit: WeChat's pushes to platforms. A handler or a control route
 * asks for them while it runs; they happen only once everything it wrote is committed, never for a failure.
 */
export interface Effects {
  /** Pushes `fields` to the component's authorization-event URL, after the ones queued before. */
  push(componentAppid: string, fields: MessageFields): void;
  /**
   * Pushes an authorizer's event (`ToUserName`, `FromUserName`, `CreateTime`, `MsgType`, `Event`, …) to the
   * component's message URL, after the ones queued before (docs/code-management.md §8).
   */
  pushEvent(componentAppid: string, authorizerAppid: string, fields: MessageFields): void;
  /** Pushes the verify tickets that fell due (docs/tokens.md §4.1). */
  pushDueTickets(): void;
}

/**
 * The real web, when domain verification reads it (`--verify-http`, docs/web.md §3). Its answers are fetched
 * before the call's transaction, never while it holds the store, so the check itself is synchronous.
 */
export interface LiveWeb {
  /** Whether `url` answers HTTP 200 with exactly `content`. */
  serves(url: string, content: string): boolean;
}

/** One transaction with its emulated time (Unix ms) and its after-commit work: where every change is made. */
export interface Scope extends Effects {
  tx: Tx;
  now: number;
  /** The API call meter and the rid store (docs/quota.md). */
  meter: Meter;
}
