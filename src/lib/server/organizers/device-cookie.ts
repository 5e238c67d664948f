import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A device that signed in before carries a signed cookie naming it and the organizer's email
 * (OWASP's "device cookies"): failures from elsewhere do not lock it out of that account.
 * `<device id>.<email digest>.<HMAC of both>`, the key kept in the store (the same on every instance).
 */
export const DEVICE_COOKIE = 'organizer_device';
export const DEVICE_COOKIE_DAYS = 365;

const emailDigest = (email: string) => createHash('sha256').update(email).digest('base64url').slice(0, 22);
const signature = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export function newDeviceCookie(key: Buffer, email: string): string {
	const payload = `${randomBytes(16).toString('base64url')}.${emailDigest(email)}`;
	return `${payload}.${signature(key, payload)}`;
}

/** The device's id when the cookie is genuine and was issued for this email, else undefined. */
export function trustedDevice(key: Buffer, cookie: string | undefined, email: string): string | undefined {
	const [device, digest, mac, ...rest] = (cookie ?? '').split('.');
	if (!device || !digest || !mac || rest.length > 0) return undefined;
	const expected = Buffer.from(signature(key, `${device}.${digest}`));
	const actual = Buffer.from(mac);
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
	return digest === emailDigest(email) ? device : undefined;
}
