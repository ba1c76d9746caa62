import type { Static } from '@sinclair/typebox';
import type { controlSchemas } from '@wxlocal/api';

/** What happened in the emulator, as `GET /_wxlocal/events` streams it. */
export type EmulatorEvent = Static<typeof controlSchemas.ControlEvent>;

type Listener = (event: EmulatorEvent) => void;

/**
 * Where the planes and the pusher tell what happened. Publishers check `listening` first, so that nothing is
 * built for an event no one reads (the data plane's calls pay one property read).
 */
export class Events {
  private readonly listeners = new Set<Listener>();

  get listening(): boolean {
    return this.listeners.size > 0;
  }

  publish(event: EmulatorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` with every event from now on; returns what stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
