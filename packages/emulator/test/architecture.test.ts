import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logTables, snapshotShelf, stateTables } from '../src/store/migrations.js';

/** The layering of docs/architecture.md, checked on the sources as they are. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SRC = join(ROOT, 'packages/emulator/src');

/** The area whose `store.ts` alone may query each table; null: the store layer's own. */
const OWNER: Record<(typeof stateTables)[number] | (typeof logTables)[number] | 'snapshots', string | null> =
  {
    accounts: 'accounts',
    platforms: 'accounts',
    tokens: 'tokens',
    verify_tickets: 'tokens',
    pre_auth_codes: 'tokens',
    stable_token_forces: 'tokens',
    authorizations: 'authorizations',
    authorization_codes: 'authorizations',
    quota_counters: 'quota',
    api_usage: 'quota',
    api_limits: 'quota',
    rids: 'quota',
    authorizer_options: 'authorizer-options',
    links: 'link',
    served_files: 'web',
    hosts: 'web',
    confirm_files: 'web',
    webview_domains: 'webview-domain',
    domain_pools: 'server-domain',
    server_domains: 'server-domain',
    qrcode_rules: 'qrcode-jump',
    qrcode_blacklist: 'qrcode-jump',
    template_drafts: 'templates',
    templates: 'templates',
    trial_versions: 'commit',
    audits: 'audit',
    code_releases: 'code-release',
    gray_plans: 'code-release',
    meta: null,
    fault_rules: null,
    push_outbox: null,
    push_log: null,
    request_journal: null,
    snapshots: null,
  };

/** What each layer may import (paths under src/); anything else is a layering error. */
const MAY_IMPORT: [layer: string, allowed: string[]][] = [
  ['clock.ts', []],
  ['ids.ts', []],
  ['store/', ['store/']],
  ['core/', ['core/', 'store/']],
  ['areas/', ['areas/', 'core/', 'store/', 'clock.ts', 'ids.ts']],
];

const QUERY =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|(?:inner|left|right|full)Join)\(\s*['"`](\w+)/g;
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  text: readFileSync(path, 'utf8'),
}));

describe('architecture', () => {
  it('every table has an owner', () => {
    expect(Object.keys(OWNER).sort()).toEqual([...stateTables, ...logTables, snapshotShelf].sort());
  });

  it("only an area's store.ts queries its tables", () => {
    const misplaced: string[] = [];
    for (const { path, text } of files) {
      for (const [, table] of text.matchAll(QUERY)) {
        const owner = OWNER[table as keyof typeof OWNER];
        const home =
          owner === undefined ? '(unknown table)' : owner === null ? 'store/' : `areas/${owner}/store.ts`;
        if (!path.startsWith(home)) misplaced.push(`${path} queries ${table} (only ${home} may)`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('each layer imports only the layers below it: areas never reach the wire layer', () => {
    const wrong: string[] = [];
    for (const { path, text } of files) {
      const rule = MAY_IMPORT.find(([layer]) => path.startsWith(layer));
      if (!rule) continue;
      for (const [, specifier] of text.matchAll(IMPORT)) {
        const target = relative(SRC, resolve(SRC, dirname(path), specifier ?? '')).replace(/\.js$/, '.ts');
        if (!rule[1].some((allowed) => target.startsWith(allowed))) wrong.push(`${path} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every docs/ section a comment cites exists', () => {
    const missing: string[] = [];
    const sourcesAndTests = [...sourceFiles(join(ROOT, 'packages'))].filter(
      (path) => !path.includes('node_modules') && !path.includes('/dist/'),
    );
    for (const path of sourcesAndTests) {
      for (const [, page, section] of readFileSync(path, 'utf8').matchAll(
        /docs\/([a-z-]+\.md) §(\d+(?:\.\d+)?)/g,
      )) {
        const doc = readFileSync(join(ROOT, 'docs', page ?? ''), 'utf8');
        const heading = new RegExp(`^#{2,3} ${(section ?? '').replace('.', '\\.')}[. ]`, 'm');
        if (!heading.test(doc)) missing.push(`${relative(ROOT, path)} cites docs/${page} §${section}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
