import type { ControlHandlers } from '../../core/index.js';
import { requirePlatform } from '../accounts/control.js';
import { authorizationPagePath, consolePlatformPage } from './authorization-link.js';
import { issuePreAuthCode, PRE_AUTH_CODE_LIFETIME_MS } from './pre-auth-codes.js';
import { currentTicket } from './verify-tickets.js';

/**
 * WeChat pushes the verify ticket; a test may simply ask for the current one (docs/tokens.md §4.1). The
 * console starts an authorization with a pre_auth_code issued as api_create_preauthcode issues it (§5.3).
 */
export const tokenControl = {
  async 'platforms.ticket'({ tx, now, params }) {
    const platform = await requirePlatform(tx, params.appid ?? '');
    const ticket = await currentTicket(tx, platform.appid, now);
    return { verify_ticket: ticket.ticket, expires_at: Math.floor(ticket.expires_at / 1000) };
  },
  async 'platforms.preAuthCode'({ tx, now, params }) {
    const { appid } = await requirePlatform(tx, params.appid ?? '');
    const code = await issuePreAuthCode(tx, appid, now);
    return {
      pre_auth_code: code,
      expires_in: PRE_AUTH_CODE_LIFETIME_MS / 1000,
      authorization_url: authorizationPagePath(appid, code, consolePlatformPage(appid)),
    };
  },
} satisfies Partial<ControlHandlers>;
