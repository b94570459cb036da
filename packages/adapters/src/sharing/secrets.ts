import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex digest of a UTF-8 string: the hash the audit chain uses. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A random id with a readable prefix (`org_3f9a…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('hex')}`;
}

/** A high-entropy secret (URL-safe base64, 256 bits). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Salted SHA-256 of a random token secret as `salt$hash`: enough for 256-bit
 * random secrets, which cannot be guessed, and cheap on every request.
 */
export function hashTokenSecret(secret: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}$${sha256Hex(salt + secret)}`;
}

/** True when the secret gives the stored `salt$hash` (constant-time comparison). */
export function verifyTokenSecret(secret: string, stored: string): boolean {
  const [salt, hash] = stored.split('$');
  return Boolean(salt && hash) && equalHex(sha256Hex(salt + secret), hash!);
}

const SCRYPT_KEYLEN = 32;

function scryptHex(password: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, SCRYPT_KEYLEN, { N: 16384, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(key.toString('hex')),
    ),
  );
}

/** A password hashed with scrypt (N=2^14, r=8, p=1) as `scrypt$salt$hash`: slow on purpose. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString('hex');
  return `scrypt$${salt}$${await scryptHex(password, salt)}`;
}

/** True when the password gives the stored scrypt hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  return equalHex(await scryptHex(password, salt), hash);
}
