import { Ring } from '../ring.js';

/** One data-plane call as the request log shows it. */
export interface JournalEntry {
  time: number;
  method: string;
  path: string;
  endpoint: string;
  appid: string | null;
  errcode: number;
  rid: string;
}

/** Bounded ring of recent data-plane calls. */
export class Journal extends Ring<JournalEntry> {
  constructor(capacity = 1000) {
    super(capacity);
  }
}
