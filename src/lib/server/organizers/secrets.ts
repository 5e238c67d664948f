import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify<string, Buffer, number, ScryptOptions, Buffer>(scrypt);

// scrypt (Node's built-in, OpenSSL) with OWASP's minimum cost: N=2^15, r=8, p=1.
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** A random secret for people to copy: 32 bytes, URL-safe. */
export function newSecret(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/** `scrypt$N$r$p$salt$hash`, so the cost can rise later without breaking old hashes. */
export function hashPassword(password: string): string {
	const salt = randomBytes(16);
	const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT);
	return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** Off the main thread (libuv's pool): a sign-in does not stall other requests. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64url');
	const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: SCRYPT.maxmem
	});
	return timingSafeEqual(actual, expected);
}

// A fixed hash to verify against when the account is unknown, so timing does not reveal which accounts exist.
let decoyHash: string | undefined;

/** Whether `password` matches the stored hash; with none (no such account), as slow a no. */
export async function passwordMatches(password: string, stored: string | undefined): Promise<boolean> {
	if (stored !== undefined) return verifyPassword(password, stored);
	decoyHash ??= hashPassword(newSecret());
	await verifyPassword(password, decoyHash);
	return false;
}

/** For high-entropy random secrets (API tokens, session ids) one SHA-256 is enough; no salt needed. */
export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('base64url');
}

export function secretMatches(secret: string, storedHash: string): boolean {
	const actual = Buffer.from(hashSecret(secret), 'base64url');
	const expected = Buffer.from(storedHash, 'base64url');
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** API tokens name their organizer (`imrf_<id>_<secret>`) so the check is one look-up and one comparison. */
export function newApiToken(organizerId: string): { token: string; hash: string } {
	const secret = newSecret();
	return { token: `imrf_${organizerId}_${secret}`, hash: hashSecret(secret) };
}

/** The record an API token belongs to (looked up by the id the token names), when the token's secret matches its hash. */
export async function recordOfApiToken<Holder extends { tokenHash: string }>(token: string, byId: (id: string) => Promise<Holder | undefined>): Promise<Holder | undefined> {
	const parsed = parseApiToken(token);
	if (!parsed) return undefined;
	const record = await byId(parsed.organizerId);
	return record && secretMatches(parsed.secret, record.tokenHash) ? record : undefined;
}

export function parseApiToken(token: string): { organizerId: string; secret: string } | undefined {
	const match = /^imrf_([A-Za-z0-9-]{1,64})_([A-Za-z0-9_-]{20,100})$/.exec(token);
	return match ? { organizerId: match[1], secret: match[2] } : undefined;
}
