import { type AccountFlag, accountFlagDefaults } from '@wxlocal/api';
import type { AccountRow } from '../../store/index.js';

/** Switches set by WeChat or an admin, with their defaults: README "Account flags" says what each does. */
const flagDefaults = accountFlagDefaults;
export type AccountFlags = Record<AccountFlag, boolean>;
export const accountFlagNames = Object.keys(flagDefaults) as AccountFlag[];

/** The flags named in `input`, over the defaults. */
export function pickFlags(input: Partial<AccountFlags>): Partial<AccountFlags> {
  const flags: Partial<AccountFlags> = {};
  for (const name of accountFlagNames) if (input[name] !== undefined) flags[name] = input[name];
  return flags;
}

export function accountFlags(account: AccountRow): AccountFlags {
  return { ...flagDefaults, ...(JSON.parse(account.flags) as Partial<AccountFlags>) };
}
