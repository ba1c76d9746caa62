import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Random bytes as text, drawn from a pool: every call has a rid and every token refresh a new token, and
 * small random reads from the system are costly.
 */
const pool = Buffer.alloc(16 * 1024);
let poolOffset = pool.length;

function randomText(bytes: number, encoding: 'hex' | 'base64url'): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const text = pool.toString(encoding, poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return text;
}

/** Look-alike identifiers: the same alphabet and length class as WeChat's real ones. */
const hex = (bytes: number) => randomText(bytes, 'hex');
const opaque = (length: number) => randomText(Math.ceil((length * 3) / 4) + 2, 'base64url').slice(0, length);

export const newAppid = () => `wx${hex(8)}`;
export const newSecret = () => hex(16);
export const newUserName = () => `gh_${hex(6)}`;
/** A component's message token (消息校验Token): letters and digits, 3 to 32 of them. */
export const newMessageToken = () =>
  randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 32);

/** base64url's characters in byte order: a text of them sorts as the number it writes. */
const ORDERED_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const ORDERED_LENGTH = 8;
let lastOrder = 0;

/**
 * An access token issued at `nowMs` (emulated): 8 characters that grow from one token to the next (milliseconds
 * × 64, a counter within one), then random ones. New tokens are the last keys of the tokens table's index, so
 * a refresh writes one page of it, not a random one (docs/tokens.md, "Token shapes").
 */
function accessToken(length: number, nowMs: number): string {
  lastOrder = Math.max(lastOrder + 1, nowMs * 64);
  let order = lastOrder;
  let prefix = '';
  for (let i = 0; i < ORDERED_LENGTH; i++) {
    prefix = ORDERED_DIGITS[order % 64] + prefix;
    order = Math.floor(order / 64);
  }
  return prefix + opaque(length - ORDERED_LENGTH);
}

export const newComponentAccessToken = (nowMs: number) => accessToken(86, nowMs);
export const newAuthorizerAccessToken = (nowMs: number) => accessToken(107, nowMs);
export const newAccessToken = (nowMs: number) => accessToken(136, nowMs);
export const newVerifyTicket = () => `ticket@@@${opaque(86)}`;
export const newPreAuthCode = () => `preauthcode@@@${opaque(64)}`;
export const newAuthorizationCode = () => `queryauthcode@@@${opaque(86)}`;
export const newRefreshToken = () => `refreshtoken@@@${opaque(43)}`;

function ridRandom(): string {
  const text = randomText(8, 'hex');
  return `${text.slice(0, 8)}-${text.slice(8)}`;
}

/** rid = hex8(request time in seconds) "-" hex8(random) "-" hex8(random), as WeChat writes it. */
export function newRid(nowSeconds: number): string {
  return `${(nowSeconds >>> 0).toString(16).padStart(8, '0')}-${ridRandom()}`;
}
