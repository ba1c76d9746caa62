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

export const control = controlClient(location.origin, { adminToken: adminToken() });
export type Control = typeof control;

/** What the page shows for a failed action: the control plane's refusal as it worded it. */
export function messageOf(error: unknown): string {
  if (error instanceof ControlPlaneError) return `${error.message} (HTTP ${error.status})`;
  return error instanceof Error ? error.message : String(error);
}
