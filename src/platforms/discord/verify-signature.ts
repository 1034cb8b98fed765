import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** A signed request older (or newer) than this is refused: a captured one cannot be replayed later. */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

/**
 * Verifies Discord's interaction signatures: Ed25519 over the X-Signature-Timestamp header
 * followed by the raw body, with the application's public key (hex, from the Developer Portal).
 */
export function createSignatureVerifier(
  publicKeyHex: string,
): (signature: string | undefined, timestamp: string | undefined, body: Buffer, now?: number) => boolean {
  const key: KeyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') }, format: 'jwk' });
  return (signature, timestamp, body, now = Date.now()) => {
    if (signature === undefined || timestamp === undefined || !/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return false;
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  };
}
