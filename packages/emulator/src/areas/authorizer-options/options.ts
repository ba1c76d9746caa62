import { fail } from '../../core/index.js';
import type { AuthorizationRow } from '../../store/index.js';
import { grantedSets } from '../authorizations/grants.js';

/** What an option may be set to, and the permission set it needs (docs/quota.md §5.2). */
interface Option {
  values: readonly string[];
  permissionSet: number;
}

const OPTIONS: Record<string, Option> = {
  location_report: { values: ['0', '1', '2'], permissionSet: 2 },
  voice_recognize: { values: ['0', '1'], permissionSet: 1 },
  customer_service: { values: ['0', '1'], permissionSet: 6 },
};

/** Every option reads "0" until set. */
export const INITIAL_VALUE = '0';

/** The named option, once the authorization holds its set: 61012 for an unknown name, then 61007. */
export function grantedOption(name: string, authorization: AuthorizationRow): Option {
  const option = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
  if (!option) fail(61012);
  if (!grantedSets(authorization).includes(option.permissionSet)) fail(61007);
  return option;
}

export function checkOptionValue(option: Option, value: string): void {
  if (!option.values.includes(value)) fail(61013);
}
