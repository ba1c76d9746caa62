import { randomBytes, randomFillSync } from 'node:crypto';

/** Look-alike identifiers: the same alphabet and length class as WeChat's real ones. */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const opaque = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4) + 2)
    .toString('base64url')
    .slice(0, length);

export const newAppid = () => `wx${hex(8)}`;
export const newSecret = () => hex(16);
export const newUserName = () => `gh_${hex(6)}`;
/** A component's message token (消息校验Token): letters and digits, 3 to 32 of them. */
export const newMessageToken = () =>
  randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 32);
export const newComponentAccessToken = () => opaque(86);
export const newAuthorizerAccessToken = () => opaque(107);
export const newAccessToken = () => opaque(136);
export const newVerifyTicket = () => `ticket@@@${opaque(86)}`;
export const newPreAuthCode = () => `preauthcode@@@${opaque(64)}`;
export const newAuthorizationCode = () => `queryauthcode@@@${opaque(86)}`;
export const newRefreshToken = () => `refreshtoken@@@${opaque(43)}`;

/** Random bytes for rids, drawn from a pool: every call has a rid, and small random reads are costly. */
const ridPool = Buffer.alloc(8 * 1024);
let ridOffset = ridPool.length;

function ridRandom(): string {
  if (ridOffset + 8 > ridPool.length) {
    randomFillSync(ridPool);
    ridOffset = 0;
  }
  const text = ridPool.toString('hex', ridOffset, ridOffset + 8);
  ridOffset += 8;
  return `${text.slice(0, 8)}-${text.slice(8)}`;
}

/** rid = hex8(request time in seconds) "-" hex8(random) "-" hex8(random), as WeChat writes it. */
export function newRid(nowSeconds: number): string {
  return `${(nowSeconds >>> 0).toString(16).padStart(8, '0')}-${ridRandom()}`;
}
