import type { MessageFields } from '@wxlocal/api';
import type { Tx } from '../store/index.js';

/**
 * Work a transaction leaves for after its commit: WeChat's pushes to platforms. A handler or a control route
 * asks for them while it runs; they happen only once everything it wrote is committed, never for a failure.
 */
export interface Effects {
  /** Pushes `fields` to the component's authorization-event URL, after the ones queued before. */
  push(componentAppid: string, fields: MessageFields): void;
  /** Pushes the verify tickets that fell due (docs/tokens.md §4.1). */
  pushDueTickets(): void;
}

/** The world beyond the store that domain verification may read (docs/web.md §3). */
export interface LiveWeb {
  /** The body `url` answers with HTTP 200, or null for any other answer or none. */
  served(url: string): Promise<string | null>;
}

/** One transaction with its emulated time (Unix ms) and its after-commit work: where every change is made. */
export interface Scope extends Effects {
  tx: Tx;
  now: number;
}
