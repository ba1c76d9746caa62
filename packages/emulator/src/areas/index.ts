import type { Handlers } from '../http/handler.js';
import type { Db } from '../store/index.js';
import type { AccountRow } from './accounts/accounts.js';
import { linkHandlers } from './link/index.js';
import { qrcodeJumpHandlers } from './qrcode-jump/index.js';
import { searchStatusHandlers } from './search-status/index.js';
import { publishDomainPools, releaseServerDomains, serverDomainHandlers } from './server-domain/index.js';
import { tokenHandlers } from './tokens/index.js';
import { releaseWebviewDomains, webviewDomainHandlers } from './webview-domain/index.js';

/** Every area's endpoint handlers; the data plane refuses to start if a catalogue entry has none. */
export const handlers: Handlers = {
  ...tokenHandlers,
  ...searchStatusHandlers,
  ...linkHandlers,
  ...webviewDomainHandlers,
  ...qrcodeJumpHandlers,
  ...serverDomainHandlers,
};

/** What an area recomputes when a Mini Program's code is released (e.g. the domains in force). */
export type ReleaseHook = (db: Db, miniProgram: AccountRow, now: number) => Promise<void>;

export const releaseHooks: ReleaseHook[] = [releaseWebviewDomains, releaseServerDomains];

/** What an area does when a platform is published (全网发布), e.g. put its testing domain pools in force. */
export type PublishHook = (db: Db, componentAppid: string) => Promise<void>;

export const publishHooks: PublishHook[] = [publishDomainPools];
