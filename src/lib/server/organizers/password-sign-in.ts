import type { RequestEvent } from '@sveltejs/kit';
import { clientAddress } from '../http/client-address.ts';
import { retryAfterSeconds } from '../limits/rate-limit.ts';
import { recordSignInRefusal } from '../metrics/registry.ts';
import { isQueryableText } from '../store/input-rule.ts';
import { normalizeEmail } from './accounts.ts';
import { DEVICE_COOKIE, newDeviceCookie, trustedDevice } from './device-cookie.ts';
import { throttledSignIn } from './sign-in-throttle.ts';

export type SignInError = 'wrongCredentials' | 'tooManyAttempts' | 'busy' | 'noClientAddress';

export type PasswordSignIn<Account> =
	| { ok: true; account: Account; email: string; newDevice?: string }
	| { ok: false; status: 400 | 429; error: SignInError; retryAfterMs?: number; email: string };

/**
 * A sign-in form's email and password checked under the sign-in throttle (sign-in-throttle.ts), the
 * same for organizers and governments' reporters: per address, per account (`kind` keeps the two
 * kinds' accounts apart), a device that signed in before counted on its own. A new device's cookie
 * value is returned for the caller to set on its own path.
 */
export async function passwordSignIn<Account>(
	event: RequestEvent,
	form: FormData,
	kind: 'organizer' | 'reporter',
	deviceCookie: string,
	check: (email: string, password: string) => Promise<Account | undefined>
): Promise<PasswordSignIn<Account>> {
	const field = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const email = normalizeEmail(field('email'));
	const password = field('password');
	// No account has such an address: refused before the limits (keyed by it) or the accounts are asked.
	if (!isQueryableText(email)) return { ok: false, status: 400, error: 'wrongCredentials', email: '' };
	const address = clientAddress(event);
	if (!address) return { ok: false, status: 400, error: 'noClientAddress', email };
	const { store } = event.locals;
	const deviceKey = await store.secrets.get(DEVICE_COOKIE);
	const device = trustedDevice(deviceKey, event.cookies.get(deviceCookie), email);
	const attempt = await throttledSignIn(
		store.limits,
		{ email: kind === 'organizer' ? email : `${kind}:${email}`, address, device },
		async () => (email && password ? check(email, password) : undefined),
		(account) => account !== undefined
	);
	if (attempt.outcome !== 'checked') {
		event.setHeaders({ 'retry-after': String(retryAfterSeconds(attempt.retryAfterMs)) });
		recordSignInRefusal(attempt.outcome === 'busy' ? 'busy' : 'too-many-attempts');
		return { ok: false, status: 429, error: attempt.outcome === 'busy' ? 'busy' : 'tooManyAttempts', retryAfterMs: attempt.retryAfterMs, email };
	}
	if (!attempt.result) {
		recordSignInRefusal('wrong-credentials');
		return { ok: false, status: 400, error: 'wrongCredentials', email };
	}
	return { ok: true, account: attempt.result, email, ...(device ? {} : { newDevice: newDeviceCookie(deviceKey, email) }) };
}
