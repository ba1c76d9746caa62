import { createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  aesKeyOf,
  decryptMessage,
  encryptMessage,
  newEncodingAesKey,
  openPush,
  PushCryptoError,
  parseXml,
  sealPush,
} from '../src/index.js';

const keys = { appid: 'wxd0c0de0000000001', token: 'pushtoken', encodingAesKey: newEncodingAesKey() };

/** docs/tokens.md §4 written out independently: key, IV, layout and padding. */
function independentDecrypt(encrypt: string, encodingAesKey: string) {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const pad = plain[plain.length - 1] as number;
  const length = plain.readUInt32BE(16);
  return {
    pad,
    total: plain.length,
    xml: plain.subarray(20, 20 + length).toString('utf8'),
    appid: plain.subarray(20 + length, plain.length - pad).toString('utf8'),
  };
}

describe('message crypto', () => {
  it('derives a 32-byte key from a 43-character EncodingAESKey and refuses malformed ones', () => {
    expect(keys.encodingAesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(aesKeyOf(keys.encodingAesKey)).toHaveLength(32);
    for (const bad of ['', 'x'.repeat(42), `${'x'.repeat(42)}+`, 'x'.repeat(44)]) {
      expect(() => aesKeyOf(bad)).toThrow(PushCryptoError);
    }
  });

  it('encrypts as docs/tokens.md §4 says: PKCS#7 to 32 bytes, random ‖ length ‖ xml ‖ appid', () => {
    for (const xml of ['<xml></xml>', 'x'.repeat(12), 'é'.repeat(100)]) {
      const encrypt = encryptMessage(xml, keys.appid, keys.encodingAesKey);
      const plain = independentDecrypt(encrypt, keys.encodingAesKey);
      expect(plain.total % 32).toBe(0);
      expect(plain.pad).toBeGreaterThanOrEqual(1);
      expect(plain.pad).toBeLessThanOrEqual(32);
      expect(plain.xml).toBe(xml);
      expect(plain.appid).toBe(keys.appid);
      expect(decryptMessage(encrypt, keys.encodingAesKey)).toEqual({ xml, appid: keys.appid });
    }
  });

  it('seals a push with signature, msg_signature and the XML envelope, and opens it again', () => {
    const fields = {
      AppId: keys.appid,
      CreateTime: 1413192605,
      InfoType: 'component_verify_ticket',
      ComponentVerifyTicket: 'ticket@@@x',
    };
    const sealed = sealPush(fields, keys, 1413192605, '1234');
    const encrypt = parseXml(sealed.body).Encrypt ?? '';
    const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex');
    expect(sealed.query).toEqual({
      signature: sha1(keys.token, '1413192605', '1234'),
      timestamp: '1413192605',
      nonce: '1234',
      encrypt_type: 'aes',
      msg_signature: sha1(keys.token, '1413192605', '1234', encrypt),
    });
    expect(sealed.body).toBe(
      `<xml><AppId><![CDATA[${keys.appid}]]></AppId><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    );
    expect(independentDecrypt(encrypt, keys.encodingAesKey).xml).toBe(
      `<xml><AppId><![CDATA[${keys.appid}]]></AppId><CreateTime>1413192605</CreateTime><InfoType><![CDATA[component_verify_ticket]]></InfoType><ComponentVerifyTicket><![CDATA[ticket@@@x]]></ComponentVerifyTicket></xml>`,
    );
    expect(openPush(sealed.query, sealed.body, keys)).toEqual({ ...fields, CreateTime: '1413192605' });
  });

  it('refuses a tampered signature, body, or another appid', () => {
    const sealed = sealPush({ InfoType: 'unauthorized' }, keys, 1, '2');
    expect(() => openPush({ ...sealed.query, msg_signature: '0'.repeat(40) }, sealed.body, keys)).toThrow(
      PushCryptoError,
    );
    expect(() =>
      openPush(sealed.query, sealed.body.replace('<Encrypt><![CDATA[', '<Encrypt><![CDATA[A'), keys),
    ).toThrow(PushCryptoError);
    expect(() => openPush(sealed.query, 'not xml', keys)).toThrow(PushCryptoError);
    expect(() => openPush(sealed.query, sealed.body, { ...keys, appid: 'wxother' })).toThrow(PushCryptoError);
  });
});
