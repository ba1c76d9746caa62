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
