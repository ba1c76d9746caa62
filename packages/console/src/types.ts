import type { Control, meters } from './api.ts';

/** The control plane's answers, as the typed client gives them. */
type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type Platform = Answer<Control['platforms']['get']>;
export type Account = Answer<Control['accounts']['get']>;
export type Authorization = Answer<Control['authorizations']['list']>['authorizations'][number];
export type Link = Answer<Control['links']['list']>['links'][number];
export type JournalEntry = Answer<Control['requests']['list']>['requests'][number];
export type FaultRule = Answer<Control['faults']['list']>['faults'][number];
export type Meter = Answer<typeof meters.get>;
export type Counter = Meter['counters'][number];
export type NewFaultRule = Parameters<Control['faults']['inject']>[0];
export type { ControlEvent } from '../../emulator/src/embed/control-client.ts';
