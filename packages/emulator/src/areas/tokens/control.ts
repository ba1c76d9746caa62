import type { ControlHandlers } from '../../core/index.js';
import { requirePlatform } from '../accounts/control.js';
import { currentTicket } from './verify-tickets.js';

/** WeChat pushes the verify ticket; a test may simply ask for the current one (docs/tokens.md §4.1). */
export const tokenControl = {
  async 'platforms.ticket'({ tx, now, params }) {
    const platform = await requirePlatform(tx, params.appid ?? '');
    const ticket = await currentTicket(tx, platform.appid, now);
    return { verify_ticket: ticket.ticket, expires_at: Math.floor(ticket.expires_at / 1000) };
  },
} satisfies Partial<ControlHandlers>;
