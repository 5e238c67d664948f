import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { ServerSecrets } from '../store/types';
import type { QuestionStore, Writer } from './types';

const COOKIE_KEY = 'questions-viewer-cookie';

/**
 * The anonymous viewer: a random id in a signed cookie (one vote per question per browser, and the
 * per-browser limits). Stored only as a hash; the address only as keyed hashes (see addressKeys).
 */
export const VIEWER_COOKIE = 'viewer';
const MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

const isLocal = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
const sign = (key: Buffer | string, id: string) => createHmac('sha256', key).update(id).digest('base64url');

/** `<id>.<signature>` when the signature is the site's, else undefined. */
export function verifyViewerCookie(key: Buffer | string, value: string): string | undefined {
	const [id, signature, ...rest] = value.split('.');
	if (!id || !signature || rest.length > 0 || !/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
	const expected = Buffer.from(sign(key, id));
	const given = Buffer.from(signature);
	return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

export function newViewerCookie(key: Buffer | string): { id: string; value: string } {
	const id = randomBytes(16).toString('base64url');
	return { id, value: `${id}.${sign(key, id)}` };
}

/** `forged`: the cookie sent was not the site's; `id` is the new one set in its place. */
export type Viewer = { kind: 'known' | 'new' | 'forged'; id: string };

/**
 * The viewer of this request. Without a cookie, a new one is set; a cookie the site did not sign
 * is refused (and replaced, so the next attempt from that browser works).
 */
export async function viewerOf(secrets: ServerSecrets, cookies: Cookies, url: URL): Promise<Viewer> {
	const key = await secrets.get(COOKIE_KEY);
	const value = cookies.get(VIEWER_COOKIE);
	const id = value === undefined ? undefined : verifyViewerCookie(key, value);
	if (id) return { kind: 'known', id };
	const fresh = newViewerCookie(key);
	cookies.set(VIEWER_COOKIE, fresh.value, { path: '/', httpOnly: true, sameSite: 'lax', secure: !isLocal(url), maxAge: MAX_AGE_SECONDS });
	return { kind: value === undefined ? 'new' : 'forged', id: fresh.id };
}

/** The viewer's id from a valid cookie, without setting one. */
export async function existingViewer(secrets: ServerSecrets, cookies: Cookies): Promise<string | undefined> {
	const value = cookies.get(VIEWER_COOKIE);
	return value === undefined ? undefined : verifyViewerCookie(await secrets.get(COOKIE_KEY), value);
}

export const browserHash = (viewerId: string) => createHash('sha256').update(viewerId).digest('base64url');

/** The writer as the store sees it: hashes only. */
export async function writerOf(store: QuestionStore, viewerId: string, address: string, now = new Date()): Promise<Writer> {
	const keys = await store.addressKeys(now);
	return { browser: browserHash(viewerId), addresses: keys.map((key) => createHmac('sha256', key).update(address).digest('base64url')) };
}
