import { useEffect, useRef, useState } from 'preact/hooks';
import { control, messageOf } from './api.ts';
import type { ControlEvent } from './types.ts';

type EventType = ControlEvent['type'];
type Listener = (event: ControlEvent) => void;

/** The events after which a view shows the state anew. */
export const STATE_EVENTS: EventType[] = ['state', 'clock', 'reset', 'push'];

const listeners = new Set<Listener>();
const publish = (event: ControlEvent) => {
  for (const listener of listeners) listener(event);
};

export type LiveStatus = { connected: boolean; error?: string };
let live: LiveStatus = { connected: false };
const liveListeners = new Set<(status: LiveStatus) => void>();
function setLive(status: LiveStatus) {
  live = status;
  for (const listener of liveListeners) listener(status);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows the control plane's event stream for as long as the page is open. The server may close a stream
 * (a client too far behind is dropped), so it reconnects, and then has every view load again: events sent
 * while away are lost.
 */
export async function followEvents(signal: AbortSignal): Promise<void> {
  let attempts = 0;
  while (!signal.aborted) {
    if (attempts++ > 0) publish({ type: 'state', data: { cause: 'reconnected' } });
    setLive({ connected: true });
    try {
      await control.events(publish, { signal });
      setLive({ connected: false });
    } catch (error) {
      if (signal.aborted) return;
      setLive({ connected: false, error: messageOf(error) });
    }
    await sleep(1000);
  }
}

export function useLiveStatus(): LiveStatus {
  const [status, setStatus] = useState(live);
  useEffect(() => {
    liveListeners.add(setStatus);
    return () => void liveListeners.delete(setStatus);
  }, []);
  return status;
}

/** Calls `handler` for each event of the given types while the component is shown. */
export function useEvents(types: readonly EventType[], handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  const key = types.join();
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const listener: Listener = (event) => {
      if (wanted.has(event.type)) latest.current(event);
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [key]);
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/**
 * Loads what a view shows, again when `deps` change and (shortly after a burst of them) on each event of
 * `refreshOn`. A failed load keeps what was shown and says why.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  refreshOn: readonly EventType[] = STATE_EVENTS,
): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const latest = useRef(load);
  latest.current = load;
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reload = useRef(() => {
    const mine = ++generation.current;
    latest.current().then(
      (data) => mine === generation.current && setState({ data }),
      (error: unknown) =>
        mine === generation.current && setState((old) => ({ data: old.data, error: messageOf(error) })),
    );
  }).current;
  useEffect(() => {
    setState({});
    reload();
  }, deps);
  useEvents(refreshOn, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, 50);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return { data: state.data, error: state.error, reload };
}

export interface Outcome {
  ok: boolean;
  text: string;
}

/** Runs a control-plane action and keeps what came of it: its result, or the refusal, for the page to show. */
export function useAction() {
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ ok: true, text: await action() });
    } catch (error) {
      setOutcome({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return { run, outcome, busy };
}

/** The emulated clock, as seconds ahead of (or behind) this machine's. */
let clockOffset = 0;
const clockListeners = new Set<() => void>();

export function noteClock(now: number): void {
  clockOffset = now - Date.now() / 1000;
  for (const listener of clockListeners) listener();
}

export const emulatedNow = () => Math.floor(Date.now() / 1000 + clockOffset);

/** The emulated time in Unix seconds, ticking each second. */
export function useNow(): number {
  const [now, setNow] = useState(emulatedNow);
  useEffect(() => {
    const tick = () => setNow(emulatedNow());
    const interval = setInterval(tick, 1000);
    clockListeners.add(tick);
    return () => {
      clearInterval(interval);
      clockListeners.delete(tick);
    };
  }, []);
  return now;
}
