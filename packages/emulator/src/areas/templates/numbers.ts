/**
 * A number field sent as a JSON integer or a numeric string such as `"1"` (docs/code-management.md §1.2);
 * undefined for anything else, which the endpoint reads as naming nothing.
 */
export function sentInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return /^[+-]?\d{1,15}$/.test(text) ? Number(text) : undefined;
}

/** Whether a field was left out: JSON `null` counts as missing (docs/wire-protocol.md §6.1). */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}
