import type { Handlers } from '../http/handler.js';
import type { Db } from '../store/index.js';
import type { AccountRow } from './accounts/accounts.js';
import { linkHandlers } from './link/index.js';
import { searchStatusHandlers } from './search-status/index.js';
import { tokenHandlers } from './tokens/index.js';

/** Every area's endpoint handlers; the data plane refuses to start if a catalogue entry has none. */
export const handlers: Handlers = { ...tokenHandlers, ...searchStatusHandlers, ...linkHandlers };

/** What an area recomputes when a Mini Program's code is released (e.g. the domains in force). */
export type ReleaseHook = (db: Db, miniProgram: AccountRow, now: number) => Promise<void>;

export const releaseHooks: ReleaseHook[] = [];
