import { digest } from 'lib0/hash/sha256';

const BLOCK = 64;

/**
 * HMAC-SHA256 (RFC 2104) over lib0's pure SHA-256, so the same code signs a .sajaro file in the browser and
 * checks it on the server, synchronously and without `node:crypto` or WebCrypto (shared/ is pure).
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k = new Uint8Array(BLOCK);
  k.set(key.length > BLOCK ? digest(key) : key);
  const inner = new Uint8Array(BLOCK + message.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i += 1) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(message, BLOCK);
  outer.set(digest(inner), BLOCK);
  return digest(outer);
}

/** SHA-256 of a string's UTF-8 bytes: the token hash the workspace stores, as bytes. */
export function sha256Text(text: string): Uint8Array {
  return digest(new TextEncoder().encode(text));
}

/** Compares two byte strings without stopping at the first difference. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
