import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * WeChat's message encryption (docs/tokens.md §4): AES-256-CBC with the key derived from the EncodingAESKey, the
 * IV its first 16 bytes; plaintext = random(16) ‖ uint32 BE length ‖ xml ‖ appid, PKCS#7-padded to 32 bytes.
 */
const BLOCK = 32;

export class PushCryptoError extends Error {}

/** AESKey = base64_decode(EncodingAESKey + "="): 43 characters of [A-Za-z0-9] give 32 bytes. */
export function aesKeyOf(encodingAesKey: string): Buffer {
  if (!isEncodingAesKey(encodingAesKey))
    throw new PushCryptoError('EncodingAESKey must be 43 characters of [A-Za-z0-9]');
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

export function isEncodingAesKey(value: string): boolean {
  return /^[A-Za-z0-9]{43}$/.test(value);
}

/** A new EncodingAESKey, as the WeChat console generates them. */
export function newEncodingAesKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(43)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function encryptMessage(
  xml: string,
  appid: string,
  encodingAesKey: string,
  random = randomBytes(16),
): string {
  const key = aesKeyOf(encodingAesKey);
  const body = Buffer.from(xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appid, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
}

export function decryptMessage(encrypted: string, encodingAesKey: string): { xml: string; appid: string } {
  const key = aesKeyOf(encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  } catch {
    throw new PushCryptoError('cannot decrypt the message');
  }
  const pad = plain.at(-1) ?? 0;
  if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) throw new PushCryptoError('bad padding');
  const content = plain.subarray(16, plain.length - pad);
  const length = content.readUInt32BE(0);
  if (length > content.length - 4) throw new PushCryptoError('bad message length');
  return {
    xml: content.subarray(4, 4 + length).toString('utf8'),
    appid: content.subarray(4 + length).toString('utf8'),
  };
}

/** sha1 over the parts sorted lexicographically and joined: `signature` and `msg_signature`. */
export function sha1Signature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}
