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

/** Bounded ring of recent data-plane calls, newest last; old entries fall off. */
export class Journal {
  private entries: JournalEntry[] = [];
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  record(entry: JournalEntry): void {
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The `limit` most recent entries, newest first. */
  recent(limit: number): JournalEntry[] {
    const ordered =
      this.entries.length < this.capacity
        ? this.entries
        : [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.slice(-limit).reverse();
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
  }
}
