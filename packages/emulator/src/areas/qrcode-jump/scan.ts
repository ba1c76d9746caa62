import type { Db } from '../../store/index.js';
import { ruleMatches } from './prefix.js';
import { RuleState } from './rule-view.js';
import { allRules, type RuleRow } from './store.js';

export type Viewer = 'developer' | 'admin' | 'tester' | 'user';

/** Who may open each build through a debug_url (docs/qrcode-jump.md §2.1): 1 develop, 2 trial, 3 release. */
const DEBUG_VIEWERS: Record<number, Viewer[]> = {
  1: ['developer'],
  2: ['admin', 'tester'],
  3: ['developer', 'admin', 'tester'],
};
const VERSIONS: Record<number, string> = { 1: 'develop', 2: 'trial', 3: 'release' };

export type Scan =
  | { opens: true; appid: string; path: string; version: string; rule: string; via: 'debug_url' | 'rule' }
  | { opens: false; reason: string; rule?: string };

/**
 * What a WeChat scan of `url` opens (docs/qrcode-jump.md §2.4): a debug_url opens its rule's build for the roles open_version
 * allows, published or not; otherwise the longest matching rule decides, and opens nothing unless published.
 */
export async function resolveScan(db: Db, url: string, viewer: Viewer): Promise<Scan> {
  const rules = await allRules(db);
  for (const rule of rules) {
    const debugUrls = JSON.parse(rule.debug_url) as string[];
    if (debugUrls.includes(url) && DEBUG_VIEWERS[rule.open_version]?.includes(viewer)) {
      return opened(rule, VERSIONS[rule.open_version] ?? 'release', 'debug_url');
    }
  }
  const matching = rules.filter((rule) => ruleMatches(rule.prefix, url));
  const decisive = matching.sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!decisive) return { opens: false, reason: 'no rule matches this URL' };
  if (decisive.state !== RuleState.published) {
    return { opens: false, reason: 'the matching rule is not published', rule: decisive.prefix };
  }
  return opened(decisive, 'release', 'rule');
}

function opened(rule: RuleRow, version: string, via: 'debug_url' | 'rule'): Scan {
  return {
    opens: true,
    appid: rule.target_appid ?? rule.owner,
    path: rule.path,
    version,
    rule: rule.prefix,
    via,
  };
}
