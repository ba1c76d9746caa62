/** A bounded ring of recent records: the oldest fall off once it is full. */
export class Ring<T> {
  private items: T[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  record(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The `limit` most recent records (of those `keep` accepts, when given), newest first. */
  recent(limit: number, keep?: (item: T) => boolean): T[] {
    const found: T[] = [];
    const newest = this.items.length < this.capacity ? this.items.length - 1 : this.next - 1;
    for (let seen = 0; seen < this.items.length && found.length < limit; seen++) {
      const item = this.items[(newest - seen + this.items.length) % this.items.length] as T;
      if (!keep || keep(item)) found.push(item);
    }
    return found;
  }

  clear(): void {
    this.items = [];
    this.next = 0;
  }
}
