import type { AuditRow } from '../../store/index.js';

/** Audit statuses (docs/code-management.md §2). */
export const AuditStatus = {
  passed: 0,
  rejected: 1,
  auditing: 2,
  withdrawn: 3,
  delayed: 4,
} as const;

/** Auditing or delayed: the audit still awaits its result. */
export function isPending(audit: AuditRow): boolean {
  return audit.status === AuditStatus.auditing || audit.status === AuditStatus.delayed;
}

/** `auditid` as sent: a number or a numeric string; anything else names no audit (docs/code-management.md §1.2). */
export function parseAuditid(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}
