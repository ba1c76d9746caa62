import type { ControlBodyOf, ControlName, ControlQueryOf, ControlResponseOf } from '@wxlocal/api';
import type { Scope } from './effects.js';

/** A control-plane refusal: HTTP `status` with `{"error": message}`. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 409 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** What an area's control route gets: its transaction, the emulated time and the request, never HTTP details. */
export interface ControlRequest<N extends ControlName> extends Scope {
  params: Record<string, string>;
  /** The query, as given (a repeated name is a list). */
  query: Partial<Record<keyof NonNullable<ControlQueryOf<N>>, unknown>>;
  /** The JSON body, checked against the catalogue's schema. */
  body: ControlBodyOf<N>;
}

/** Routes about the emulator itself (time, logs, faults, snapshots): served by src/control, not by an area. */
export type RuntimeControlName =
  | 'index'
  | 'health'
  | 'reset'
  | 'clock.now'
  | 'clock.move'
  | 'requests.list'
  | 'requests.get'
  | 'pushes.list'
  | 'faults.list'
  | 'faults.inject'
  | 'faults.clear'
  | 'faults.remove'
  | 'snapshots.take'
  | 'snapshots.list'
  | 'snapshots.restore'
  | 'snapshots.drop'
  | 'state.export'
  | 'state.import';
/** The event stream: served by src/http, as it writes to the connection itself. */
export type StreamControlName = 'events';
export type AreaControlName = Exclude<ControlName, RuntimeControlName | StreamControlName>;

export type ControlHandler<N extends ControlName> = (
  request: ControlRequest<N>,
) => Promise<ControlResponseOf<N>>;
/** One handler per area route of the control-plane catalogue: a missing one does not compile. */
export type ControlHandlers = { [N in AreaControlName]: ControlHandler<N> };
