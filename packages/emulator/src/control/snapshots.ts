import { randomBytes } from 'node:crypto';
import type { ControlBodyOf, ControlResponseOf } from '@wxlocal/api';
import { ControlError } from '../core/index.js';
import type { Runtime } from '../runtime.js';
import { stampLimits, writeClockOffset } from '../store/clock-offset.js';
import {
  shelvedSnapshot,
  shelvedSnapshots,
  shelveSnapshot,
  unshelveSnapshot,
} from '../store/snapshot-shelf.js';
import { emptyRow, readTables, replaceTables, type TableRows, unknownTables } from '../store/state.js';

interface Kept {
  id: string;
  created_at: number;
  /** The database itself for a store in memory; its rows for one on a file. */
  image: Buffer | undefined;
  tables: TableRows | undefined;
  clockOffsetMs: number;
}

/**
 * Snapshots of the whole state, kept in memory for the life of the emulator (in the database of a shared
 * store, where every instance finds them: docs/shared-mode.md §5), and the state as a document (README
 * "Snapshots and state"). A restore is one transaction: calls see the state before or after it.
 */
export class Snapshots {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly runtime: Runtime) {}

  async take(): Promise<ControlResponseOf<'snapshots.take'>> {
    const { store, clock } = this.runtime;
    // The calls counted so far are part of the state.
    await this.runtime.meter.flush();
    if (store.shared) return this.shelve();
    const image = await store.image();
    const snapshot = {
      id: randomBytes(6).toString('hex'),
      created_at: clock.nowSeconds(),
      image,
      tables: image ? undefined : await store.transaction(readTables),
      clockOffsetMs: clock.offset,
    };
    this.kept.set(snapshot.id, snapshot);
    return { id: snapshot.id, created_at: snapshot.created_at };
  }

  async list(): Promise<ControlResponseOf<'snapshots.list'>> {
    if (this.runtime.store.shared) return { snapshots: await shelvedSnapshots(this.runtime.store.db) };
    return { snapshots: [...this.kept.values()].map(({ id, created_at }) => ({ id, created_at })) };
  }

  async restore(id: string): Promise<ControlResponseOf<'snapshots.restore'>> {
    const snapshot = this.runtime.store.shared ? await this.shelved(id) : this.find(id);
    if (snapshot.image) {
      this.runtime.meter.forgetCounts();
      await this.runtime.store.restoreImage(snapshot.image);
      this.runtime.meter.forgetCounts();
      this.runtime.clock.setOffset(snapshot.clockOffsetMs);
      await this.runtime.faults.reload();
    } else {
      await this.replace(snapshot.tables ?? {}, snapshot.clockOffsetMs);
    }
    return { id, restored: true, now: this.runtime.clock.nowSeconds() };
  }

  async drop(id: string): Promise<ControlResponseOf<'snapshots.drop'>> {
    if (this.runtime.store.shared) {
      if (!(await unshelveSnapshot(this.runtime.store.db, id))) throw notFound(id);
    } else {
      this.kept.delete(this.find(id).id);
    }
    return { id, removed: true };
  }

  async exportState(): Promise<ControlResponseOf<'state.export'>> {
    await this.runtime.meter.flush();
    const tables = await this.runtime.store.transaction(readTables);
    return { format: 'wxlocal-state', version: 1, clock_offset_ms: this.runtime.clock.offset, tables };
  }

  async importState(document: ControlBodyOf<'state.import'>): Promise<ControlResponseOf<'state.import'>> {
    const unknown = unknownTables(document.tables);
    if (unknown.length > 0)
      throw new ControlError(400, `invalid state: unknown tables ${unknown.join(', ')}`);
    const empty = emptyRow(document.tables);
    if (empty) throw new ControlError(400, `invalid state: ${empty} has no columns`);
    if (!this.runtime.clock.allows(document.clock_offset_ms))
      throw new ControlError(
        400,
        'invalid state: clock_offset_ms puts the clock outside 2000-01-01 .. 2099-12-31',
      );
    try {
      await this.replace(document.tables, document.clock_offset_ms);
    } catch (error) {
      if (error instanceof ControlError) throw error;
      throw new ControlError(400, `invalid state: ${(error as Error).message}`);
    }
    return { status: 'ok', now: this.runtime.clock.nowSeconds() };
  }

  private find(id: string): Kept {
    const snapshot = this.kept.get(id);
    if (!snapshot) throw notFound(id);
    return snapshot;
  }

  /** A shared store's snapshot: its rows, in its database. */
  private async shelve(): Promise<ControlResponseOf<'snapshots.take'>> {
    const { store, clock } = this.runtime;
    const snapshot = {
      id: randomBytes(6).toString('hex'),
      created_at: clock.nowSeconds(),
      clockOffsetMs: clock.offset,
      tables: await store.transaction(readTables),
    };
    await shelveSnapshot(store.db, snapshot);
    return { id: snapshot.id, created_at: snapshot.created_at };
  }

  private async shelved(id: string): Promise<Kept> {
    const snapshot = await shelvedSnapshot(this.runtime.store.db, id);
    if (!snapshot) throw notFound(id);
    return { ...snapshot, image: undefined };
  }

  private async replace(tables: TableRows, clockOffsetMs: number): Promise<void> {
    this.runtime.meter.forgetCounts();
    await this.runtime.store.transaction(async (tx) => {
      await replaceTables(tx, tables);
      await writeClockOffset(tx, clockOffsetMs);
      await stampLimits(tx);
    });
    this.runtime.meter.forgetCounts();
    this.runtime.clock.setOffset(clockOffsetMs);
    await this.runtime.faults.reload();
  }
}

function notFound(id: string): ControlError {
  return new ControlError(404, `no snapshot ${id}`);
}
