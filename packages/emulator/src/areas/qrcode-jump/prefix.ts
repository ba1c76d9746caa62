import { isValidHost } from '../web/domain-entries.js';

/** Service accounts map their parametric QR codes, which all start here (docs/qrcode-jump.md §3.2). */
export const SERVICE_ACCOUNT_PREFIX = 'http://weixin.qq.com/q/';

/**
 * An ordinary-mode prefix WeChat accepts (85066 otherwise): an http or https URL with a valid host name,
 * no port, no credentials, ASCII only, no whitespace.
 */
export function parsePrefix(prefix: string): URL | null {
  if (!/^[\x21-\x7e]+$/.test(prefix)) return null;
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;
  if (!prefix.toLowerCase().startsWith(`${url.protocol}//${url.hostname}`)) return null;
  return isValidHost(url.hostname) ? url : null;
}

/**
 * Where the confirm file must be: "in the last sub-directory declared in the URL, or in the host's top
 * directory if there is none" (docs/qrcode-jump.md §3.4), e.g. `https://a.com/x/y/z` → `https://a.com/x/y/<file>`.
 */
export function confirmFileUrl(prefix: URL, fileName: string): string {
  const directory = prefix.pathname.slice(0, prefix.pathname.lastIndexOf('/') + 1) || '/';
  return `${prefix.protocol}//${prefix.host}${directory}${fileName}`;
}

/**
 * Whether a scanned URL falls under a rule (docs/qrcode-jump.md §2.4): same scheme and host; the rule's path exactly, or a
 * sub-path when the rule ends with `/`; when the rule has a query, the URL's query starts with it.
 */
export function ruleMatches(rulePrefix: string, scanned: string): boolean {
  const rule = parseUrl(rulePrefix);
  const url = parseUrl(scanned);
  if (!rule || !url) return false;
  if (rule.protocol !== url.protocol || rule.host !== url.host) return false;
  const [rulePath, ruleQuery] = splitQuery(rulePrefix);
  const [urlPath, urlQuery] = splitQuery(scanned);
  const rulePathOnly = pathOf(rulePath);
  const urlPathOnly = pathOf(urlPath);
  if (ruleQuery !== undefined) return urlPathOnly === rulePathOnly && (urlQuery ?? '').startsWith(ruleQuery);
  if (rulePathOnly.endsWith('/')) return urlPathOnly.startsWith(rulePathOnly);
  return urlPathOnly === rulePathOnly;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function splitQuery(text: string): [string, string | undefined] {
  const at = text.indexOf('?');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The path part of `scheme://host/path` as written (not normalised), `/` when there is none. */
function pathOf(urlWithoutQuery: string): string {
  const afterScheme = urlWithoutQuery.slice(urlWithoutQuery.indexOf('//') + 2);
  const slash = afterScheme.indexOf('/');
  return slash < 0 ? '/' : afterScheme.slice(slash);
}
