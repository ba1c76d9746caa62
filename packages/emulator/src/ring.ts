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

  /** The `limit` most recent records, newest first. */
  recent(limit: number): T[] {
    const ordered =
      this.items.length < this.capacity
        ? this.items
        : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
    return ordered.slice(-limit).reverse();
  }

  clear(): void {
    this.items = [];
    this.next = 0;
  }
}
