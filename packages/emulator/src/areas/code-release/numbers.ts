/**
 * A number field as clients send it: a number or a numeric string (docs/code-management.md §1.2). Anything
 * else, or a fraction, is null: the endpoint decides what that means.
 */
export function sentInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^[+-]?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Unix seconds, as the API and the control plane show times. */
export const seconds = (ms: number): number => Math.floor(ms / 1000);
