import type { Cookies } from '@sveltejs/kit';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './device-cookie';
import { CONSOLE_PATH, SESSION_COOKIE } from './guard';

// Browsers accept Secure cookies on plain-HTTP localhost only; everywhere else the console is served over HTTPS.
const isLocal = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

export function setSessionCookie(cookies: Cookies, url: URL, id: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, id, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: !isLocal(url), expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: !isLocal(url) });
}

/** Marks this browser as one that signed in before (sign-in-throttle.ts), for a year. */
export function setDeviceCookie(cookies: Cookies, url: URL, value: string): void {
	cookies.set(DEVICE_COOKIE, value, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'strict', secure: !isLocal(url), maxAge: DEVICE_COOKIE_DAYS * 86_400 });
}
