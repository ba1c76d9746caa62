import { privacyApiNames } from '@wxlocal/api';
import { fail } from '../../core/index.js';
import type { Subpackage } from './trial.js';

/**
 * A commit's `ext_json` and the app it makes of the template: the checks of docs/code-management.md §4.1 rules 3–11,
 * in their order. Each check fails with the rule's errcode.
 */

export type ExtJson = Record<string, unknown>;

/** What a commit reads of its template. */
export interface TemplateCode {
  pages: string[];
  subpackages: Subpackage[];
  tabbarPages: string[];
}

/** The trial version's code: the template's shape, after `ext_json` chose among its pages. */
export type ResultingApp = TemplateCode;

/** The precise location APIs a fuzzy location excludes (rule 10). */
const PRECISE_LOCATION_APIS = [
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
];
/** The only keys a standard template's ext_json may have (rule 5). */
const STANDARD_TEMPLATE_KEYS = ['extAppid', 'ext', 'window'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isSubpackage = (value: unknown): value is Subpackage =>
  isObject(value) && typeof value.root === 'string' && isStringList(value.pages);
/** A sub-package root names the same folder with or without a trailing slash. */
const folder = (root: string) => root.replace(/\/+$/, '');

/** Rule 3: `ext_json` is a string holding JSON. */
export function parseExtJson(text: unknown): unknown {
  if (typeof text !== 'string') fail(85048);
  try {
    return JSON.parse(text);
  } catch {
    fail(85048);
  }
}

/** WeChat reads the sub-packages under either spelling; `subPackages` first. */
function subpackagesKey(ext: ExtJson): string | undefined {
  return ['subPackages', 'subpackages'].find((key) => key in ext);
}

/** Rule 4: an object whose known keys have their JSON types; `extAppid` empty or the calling Mini Program's. */
export function checkExtShape(value: unknown, appid: string): ExtJson {
  if (!isObject(value)) fail(85013);
  const key = subpackagesKey(value);
  const { pages, extPages, tabBar, extAppid } = value;
  const wrongType =
    (pages !== undefined && !isStringList(pages)) ||
    (key !== undefined && !(Array.isArray(value[key]) && value[key].every(isSubpackage))) ||
    (extPages !== undefined && !isObject(extPages)) ||
    (tabBar !== undefined &&
      !(isObject(tabBar) && (tabBar.list === undefined || Array.isArray(tabBar.list))));
  const foreignAppid =
    extAppid !== undefined && (typeof extAppid !== 'string' || (extAppid !== '' && extAppid !== appid));
  if (wrongType || foreignAppid) fail(85013);
  return value;
}

/** Rule 5: a standard template takes only `extAppid`, `ext` and `window`. */
export function checkStandardKeys(ext: ExtJson): void {
  if (Object.keys(ext).some((key) => !STANDARD_TEMPLATE_KEYS.includes(key))) fail(9402203);
}

/**
 * Rules 6–8: `pages` and `subPackages` replace the template's but may only keep what it has; `extPages` names
 * resulting pages; every tab-bar item points at a resulting main page.
 */
export function resultingApp(ext: ExtJson, template: TemplateCode): ResultingApp {
  const pages = (ext.pages as string[] | undefined) ?? template.pages;
  if (pages.length === 0) fail(85047);
  const key = subpackagesKey(ext);
  const subpackages = key === undefined ? template.subpackages : (ext[key] as Subpackage[]);
  checkPaths(pages, subpackages, ext, template);
  const tabbarPages = tabBarPages(ext) ?? template.tabbarPages;
  if (tabbarPages.some((page) => page === undefined || !pages.includes(page))) fail(85046);
  return { pages, subpackages, tabbarPages: tabbarPages as string[] };
}

/** Rule 7: nothing names a page the template lacks. */
function checkPaths(pages: string[], subpackages: Subpackage[], ext: ExtJson, template: TemplateCode): void {
  if (pages.some((page) => !template.pages.includes(page))) fail(85045);
  for (const sub of subpackages) {
    const known = template.subpackages.find((own) => folder(own.root) === folder(sub.root));
    if (!known || sub.pages.some((page) => !known.pages.includes(page))) fail(85045);
  }
  const resulting = [
    ...pages,
    ...subpackages.flatMap((sub) => sub.pages.map((page) => `${folder(sub.root)}/${page}`)),
  ];
  const extPages = (ext.extPages as ExtJson | undefined) ?? {};
  if (Object.keys(extPages).some((page) => !resulting.includes(page))) fail(85045);
}

/** `tabBar.list[].pagePath`; undefined for an item without a string one; no list: the template's tab bar. */
function tabBarPages(ext: ExtJson): (string | undefined)[] | undefined {
  const list = (ext.tabBar as { list?: unknown[] } | undefined)?.list;
  return list?.map((item) =>
    isObject(item) && typeof item.pagePath === 'string' ? item.pagePath : undefined,
  );
}

/**
 * Rules 9–11 on `requiredPrivateInfos` (names without `wx.`); `permitted` null: every API. Each errmsg names the
 * first offending entry as written; a value that is no list is named as JSON.
 */
export function checkPrivacyDeclaration(declared: unknown, permitted: string[] | null): string[] {
  if (declared === undefined) return [];
  if (!Array.isArray(declared)) fail(85310, { name: JSON.stringify(declared) });
  const unknownApi = declared.find(
    (name) => typeof name !== 'string' || !(privacyApiNames as readonly string[]).includes(name),
  );
  if (unknownApi !== undefined) fail(85310, { name: written(unknownApi) });
  const names = declared as string[];
  if (names.includes('getFuzzyLocation') && names.some((name) => PRECISE_LOCATION_APIS.includes(name))) {
    const first = names.find((name) => name === 'getFuzzyLocation' || PRECISE_LOCATION_APIS.includes(name));
    fail(85311, { name: first as string });
  }
  const unpermitted = names.find((name) => permitted !== null && !permitted.includes(name));
  if (unpermitted !== undefined) fail(85312, { name: unpermitted });
  return names;
}

/** A name as the client wrote it: a string as is, anything else as JSON. */
function written(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
