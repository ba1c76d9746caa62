import { fail } from '../../core/index.js';

/** The caller's IPv4 address as WeChat quotes it (an IPv4-mapped IPv6 address loses its prefix). */
export function quotedIp(ip: string): string {
  return ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
}

function allowed(whitelistJson: string, ip: string): boolean {
  const list = JSON.parse(whitelistJson) as string[];
  return list.length === 0 || list.includes(quotedIp(ip)) || list.includes(ip);
}

/** A component's allow-list: 61004 quoting the caller's address. Off while the list is empty. */
export function checkComponentIp(whitelistJson: string, ip: string): void {
  if (!allowed(whitelistJson, ip)) fail(61004, { ip: quotedIp(ip) });
}

/** An account's allow-list on /cgi-bin/token and stable_token: 40164. Off while the list is empty. */
export function checkAccountIp(whitelistJson: string, ip: string): void {
  if (!allowed(whitelistJson, ip)) fail(40164, { ip: quotedIp(ip) });
}
