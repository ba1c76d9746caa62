import type { RuleRow } from './store.js';

/** Rule state (docs/qrcode-jump.md §2.2). */
export const RuleState = { unpublished: 1, published: 2 } as const;

/** A rule as qrcodejumpget lists it: every field in ordinary mode, prefix/path/state for a service account. */
export function ruleItem(rule: RuleRow) {
  if (rule.mode === 'service') return { prefix: rule.prefix, path: rule.path, state: rule.state };
  return {
    prefix: rule.prefix,
    open_version: rule.open_version,
    state: rule.state,
    permit_sub_rule: rule.permit_sub_rule,
    path: rule.path,
    debug_url: JSON.parse(rule.debug_url) as string[],
  };
}

/** A rule as the control plane shows it: every field, whatever the mode, times in Unix seconds. */
export function ruleRecord(rule: RuleRow) {
  return {
    prefix: rule.prefix,
    state: rule.state,
    mode: rule.mode,
    permit_sub_rule: rule.permit_sub_rule,
    path: rule.path,
    open_version: rule.open_version,
    debug_url: JSON.parse(rule.debug_url) as string[],
    target_appid: rule.target_appid,
    created_at: Math.floor(rule.created_at / 1000),
    published_at: rule.published_at === null ? null : Math.floor(rule.published_at / 1000),
  };
}
