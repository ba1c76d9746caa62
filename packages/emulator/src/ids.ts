import { randomBytes } from 'node:crypto';

/** Look-alike identifiers: the same alphabet and length class as WeChat's real ones. */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const opaque = (length: number) =>
  randomBytes(Math.ceil((length * 3) / 4) + 2)
    .toString('base64url')
    .slice(0, length);

export const newAppid = () => `wx${hex(8)}`;
export const newSecret = () => hex(16);
export const newUserName = () => `gh_${hex(6)}`;
export const newComponentAccessToken = () => opaque(86);
export const newAuthorizerAccessToken = () => opaque(107);
export const newAccessToken = () => opaque(136);
export const newVerifyTicket = () => `ticket@@@${opaque(86)}`;
export const newPreAuthCode = () => `preauthcode@@@${opaque(64)}`;
export const newAuthorizationCode = () => `queryauthcode@@@${opaque(86)}`;
export const newRefreshToken = () => `refreshtoken@@@${opaque(43)}`;

/** rid = hex8(request time in seconds) "-" hex8(random) "-" hex8(random), as WeChat writes it. */
export function newRid(nowSeconds: number): string {
  return `${(nowSeconds >>> 0).toString(16).padStart(8, '0')}-${hex(4)}-${hex(4)}`;
}
