import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decryptMessage, encryptMessage, PushCryptoError, sha1Signature } from './crypto.js';
import { buildXml, type MessageFields, parseXml } from './xml.js';

/** What a component configures to receive pushes: its appid, message token and EncodingAESKey. */
export interface PushKeys {
  appid: string;
  token: string;
  encodingAesKey: string;
}

/** A push as it travels: the query string WeChat appends to the URL and the XML body. */
export interface SealedPush {
  query: {
    signature: string;
    timestamp: string;
    nonce: string;
    openid?: string;
    encrypt_type: 'aes';
    msg_signature: string;
  };
  body: string;
}

/**
 * Whom a message event names outside its encryption: the authorizer's original id in the envelope and the
 * sender's OpenID in the query (docs/code-management.md §8). Authorization events name the component instead.
 */
export interface Addressee {
  toUserName: string;
  openid: string;
}

/** Encrypts and signs a message the way WeChat pushes it (docs/tokens.md §4). */
export function sealPush(
  fields: MessageFields,
  keys: PushKeys,
  timestamp: number,
  nonce = newNonce(),
  addressee?: Addressee,
): SealedPush {
  const encrypt = encryptMessage(buildXml(fields), keys.appid, keys.encodingAesKey);
  const time = String(timestamp);
  const sender = addressee ? { openid: addressee.openid } : {};
  return {
    query: {
      signature: sha1Signature(keys.token, time, nonce),
      timestamp: time,
      nonce,
      ...sender,
      encrypt_type: 'aes',
      msg_signature: sha1Signature(keys.token, time, nonce, encrypt),
    },
    body: buildXml(
      addressee
        ? { ToUserName: addressee.toUserName, Encrypt: encrypt }
        : { AppId: keys.appid, Encrypt: encrypt },
    ),
  };
}

/** Verifies `msg_signature`, decrypts and parses a pushed message; throws PushCryptoError when it is not genuine. */
export function openPush(
  query: { timestamp?: string; nonce?: string; msg_signature?: string },
  body: string,
  keys: PushKeys,
): Record<string, string> {
  let encrypt: string | undefined;
  try {
    encrypt = parseXml(body).Encrypt;
  } catch {
    throw new PushCryptoError('the body is not a WeChat XML envelope');
  }
  if (!encrypt) throw new PushCryptoError('the envelope has no Encrypt');
  const { timestamp = '', nonce = '', msg_signature = '' } = query;
  if (!sameText(sha1Signature(keys.token, timestamp, nonce, encrypt), msg_signature)) {
    throw new PushCryptoError('msg_signature does not match');
  }
  const { xml, appid } = decryptMessage(encrypt, keys.encodingAesKey);
  if (appid !== keys.appid) throw new PushCryptoError('the message is for another appid');
  return parseXml(xml);
}

/** Compared in constant time, so the time taken tells nothing about how much of a forged signature is right. */
function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function newNonce(): string {
  return String(randomBytes(4).readUInt32BE(0));
}
