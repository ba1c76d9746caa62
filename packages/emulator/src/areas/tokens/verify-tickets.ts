import { fail } from '../../core/index.js';
import { newVerifyTicket } from '../../ids.js';
import type { Db } from '../../store/index.js';
import { findTicket, insertTicket, latestTicket, type VerifyTicket } from './store.js';

export type { VerifyTicket } from './store.js';

/** WeChat pushes a new component_verify_ticket every 600 s; each one is valid 12 h (docs/tokens.md §2, §4.1). */
export const TICKET_INTERVAL_MS = 600 * 1000;
export const TICKET_LIFETIME_MS = 12 * 3600 * 1000;

export async function issueTicket(db: Db, componentAppid: string, issuedAt: number): Promise<VerifyTicket> {
  const ticket = {
    ticket: newVerifyTicket(),
    issued_at: issuedAt,
    expires_at: issuedAt + TICKET_LIFETIME_MS,
  };
  await insertTicket(db, componentAppid, ticket);
  return ticket;
}

/**
 * The ticket in force now. Rotation follows the clock: when 600 s or more have passed since the last ticket,
 * the one of the latest 600 s boundary is issued (older ones stay valid to their own 12 h end).
 */
export async function currentTicket(db: Db, componentAppid: string, now: number): Promise<VerifyTicket> {
  const latest = await latestTicket(db, componentAppid);
  if (latest && now < latest.issued_at + TICKET_INTERVAL_MS) return latest;
  if (!latest) return issueTicket(db, componentAppid, now);
  const periods = Math.floor((now - latest.issued_at) / TICKET_INTERVAL_MS);
  return issueTicket(db, componentAppid, latest.issued_at + periods * TICKET_INTERVAL_MS);
}

/** 61006 for a ticket that is unknown or another component's, 61005 once it is 12 h old. */
export async function checkTicket(
  db: Db,
  componentAppid: string,
  ticket: string,
  now: number,
): Promise<void> {
  const row = await findTicket(db, ticket);
  if (!row || row.component_appid !== componentAppid) fail(61006);
  if (now >= row.expires_at) fail(61005);
}
