import type { ControlBodyOf } from '@wxlocal/api';
import { ControlPlaneError, controlClient } from '../../emulator/src/embed/control-client.ts';

const TOKEN_KEY = 'wxlocal.adminToken';

/**
 * The control plane's admin token: the start banner prints the console's URL with `#token=…` when one is
 * required. It is kept for the tab's session and taken out of the address bar.
 */
function adminToken(): string | undefined {
  const given = /^#token=([^&]+)/.exec(location.hash)?.[1];
  if (given) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(given));
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

const token = adminToken();
export const control = controlClient(location.origin, { adminToken: token });
export type Control = typeof control;

/** Whose API meter: an account's, or a third-party platform's own (its component calls). */
export type MeterOwner = 'accounts' | 'platforms';
export type MeterChanges = ControlBodyOf<'accounts.quota.patch'>;

/** The daily API counters and the month's quota clears (docs/quota.md §6). */
export const meters = {
  get: (owner: MeterOwner, appid: string) => control[owner].quota(appid),
  set: (owner: MeterOwner, appid: string, changes: MeterChanges) => control[owner].setQuota(appid, changes),
};

/** What the page shows for a failed action: the control plane's refusal as it worded it. */
export function messageOf(error: unknown): string {
  if (error instanceof ControlPlaneError) return `${error.message} (HTTP ${error.status})`;
  return error instanceof Error ? error.message : String(error);
}
