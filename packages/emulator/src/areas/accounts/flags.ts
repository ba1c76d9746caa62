import type { AccountRow } from '../../store/index.js';

/** Switches set by WeChat or an admin, with their defaults; each area adds the ones its rules read. */
export const flagDefaults = {
  search_banned: false,
  banned: false,
  code_released: false,
  secret_frozen: false,
  // Linking (docs/link-miniprogram.md §2.1): the MP admin's switches and limits.
  allow_oa_link: true,
  nearby_display: false,
  is_store_or_mall: false,
  pay_enabled: false,
  bound_account_limit_reached: false,
  phone_bound_limit_reached: false,
  phone_blacklisted: false,
  // QR-code jump rules (docs/qrcode-jump.md §2.3): the feature switch reported by qrcodejumpget.
  qrcodejump_open: true,
};
export type AccountFlag = keyof typeof flagDefaults;
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
