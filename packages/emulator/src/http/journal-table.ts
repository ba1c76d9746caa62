import type { Clock } from '../clock.js';
import type { Store } from '../store/index.js';
import { appendJournal, journalRecord, journalRecords } from '../store/request-journal.js';
import type { JournalFilter, JournalRecord, JournalRecords } from './journal.js';

/** How long a call waits in this process before it is written for the other instances to read. */
const FLUSH_AFTER_MS = 100;

/**
 * A shared store's journal (docs/shared-mode.md §5): every instance's calls in one table, so that any instance
 * lists them all. Calls are written in batches, a moment after they were answered; a read writes what waits
 * first. A killed instance loses the calls of its last moment from the journal, never from the state.
 */
export class TableRecords implements JournalRecords {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly capacity: number,
  ) {}

  add(record: JournalRecord): void {
    // Batches of two instances may commit in either order: the real time of the answer orders the calls.
    this.waiting.push({ record, answeredMs: this.clock.real() });
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_AFTER_MS);
  }

  async recent(limit: number, filter: JournalFilter): Promise<JournalRecord[]> {
    await this.flush().catch(() => {});
    return (await journalRecords(this.store.db, limit, filter)).map(parsed);
  }

  async byRid(rid: string): Promise<JournalRecord | undefined> {
    await this.flush().catch(() => {});
    const record = await journalRecord(this.store.db, rid);
    return record === undefined ? undefined : parsed(record);
  }

  async clear(): Promise<void> {
    this.waiting = [];
  }

  /** Writes what waits, after any write under way; a batch the database refused is lost to the journal. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    const written = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    this.writing = written.catch(() => {});
    return written;
  }

  private write(batch: Waiting[]): Promise<void> {
    const rows = batch.map(({ record, answeredMs }) => ({
      rid: record.entry.rid,
      // PostgreSQL's text holds no NUL; the record keeps the appid as sent (JSON escapes it).
      appid: record.entry.appid?.replaceAll('\0', '') ?? null,
      endpoint: record.entry.endpoint,
      errcode: record.entry.errcode,
      record: JSON.stringify({ ...record, body: record.body.bytes?.toString('utf8') ?? null }),
      answered_ms: answeredMs,
    }));
    return this.store.transaction((tx) => appendJournal(tx, rows, this.capacity));
  }
}

interface Waiting {
  record: JournalRecord;
  answeredMs: number;
}

/** A record as written: the body as text. */
function parsed(text: string): JournalRecord {
  const { body, ...rest } = JSON.parse(text);
  const bytes = body === null ? undefined : Buffer.from(body, 'utf8');
  return { ...rest, body: { bytes, size: bytes?.length ?? 0 } };
}
