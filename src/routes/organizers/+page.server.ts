import { fail, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/i18n/format';
import { countriesByName } from '$lib/pledges/countries';
import { pledgeFromForm, validatePledge } from '$lib/pledges/schema';
import { normalizeEmail } from '$lib/server/organizers/accounts';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import { SESSION_COOKIE } from '$lib/server/organizers/guard';
import { clearSessionCookie, setDeviceCookie, setSessionCookie } from '$lib/server/organizers/session-cookie';
import { throttledSignIn } from '$lib/server/organizers/sign-in-throttle';
import { DEVICE_COOKIE, newDeviceCookie, trustedDevice } from '$lib/server/organizers/device-cookie';
import { clientAddress } from '$lib/server/http/client-address';
import { isQueryableText } from '$lib/server/store/input-rule';
import { retryAfterSeconds } from '$lib/server/limits/rate-limit';
import { embedSnippet } from '$lib/pledges/embed';
import { translatorFor } from '$lib/event/translator';
import { settings } from '$lib/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.organizer) return { signedIn: false as const };
	const store = locals.store;
	const lang = locals.lang ?? 'en';
	const entries = (await store.entries()).map((entry) => ({ ...entry, countryName: countryName(entry.country, lang) }));
	const noticeId = url.searchParams.get('withdrawn') ?? url.searchParams.get('restored') ?? url.searchParams.get('added') ?? url.searchParams.get('updated');
	const notice = noticeId ? await store.get(noticeId) : undefined;
	return {
		signedIn: true as const,
		entries,
		embedSnippet: embedSnippet(settings.origin, lang, (await translatorFor(lang))('pledges:embed.heading')),
		countries: countriesByName(lang),
		notice: notice && {
			kind: (['withdrawn', 'restored', 'added', 'updated'] as const).find((kind) => url.searchParams.has(kind))!,
			id: notice.id,
			title: notice.title,
			isWithdrawn: Boolean(notice.withdrawnAt)
		},
		imported: Number(url.searchParams.get('imported') ?? 0) || undefined
	};
};

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	signIn: async (event) => {
		const { request, cookies, url } = event;
		const form = await request.formData();
		const email = normalizeEmail(text(form, 'email'));
		const password = text(form, 'password');
		// No organizer has such an address: refused before the limits (keyed by it) or the accounts are asked.
		if (!isQueryableText(email)) return fail(400, { signInError: 'wrongCredentials' as const, email: '' });
		const address = clientAddress(event);
		if (!address) return fail(400, { signInError: 'noClientAddress' as const, email });
		const store = event.locals.store;
		const deviceKey = await store.secrets.get(DEVICE_COOKIE);
		const device = trustedDevice(deviceKey, cookies.get(DEVICE_COOKIE), email);
		const attempt = await throttledSignIn(
			store.limits,
			{ email, address, device },
			async () => (email && password ? store.organizers.checkPassword(email, password) : undefined),
			(organizer) => organizer !== undefined
		);
		if (attempt.outcome !== 'checked') {
			event.setHeaders({ 'retry-after': String(retryAfterSeconds(attempt.retryAfterMs)) });
			return fail(429, { signInError: attempt.outcome === 'busy' ? ('busy' as const) : ('tooManyAttempts' as const), retryAfterMs: attempt.retryAfterMs, email });
		}
		const organizer = attempt.result;
		if (!organizer) return fail(400, { signInError: 'wrongCredentials' as const, email });
		const session = await store.sessions.start(organizer.id);
		setSessionCookie(cookies, url, session.id, session.expiresAt);
		if (!device) setDeviceCookie(cookies, url, newDeviceCookie(deviceKey, email));
		redirect(303, '/organizers');
	},

	signOut: async (event) => {
		requireOrganizer(event);
		const { cookies, url } = event;
		const id = cookies.get(SESSION_COOKIE);
		if (id) await event.locals.store.sessions.end(id);
		clearSessionCookie(cookies, url);
		redirect(303, '/organizers');
	},

	add: async (event) => {
		const actor = actorOf(event);
		const values = pledgeFromForm(await event.request.formData());
		const result = validatePledge(values);
		if (!result.success) return fail(400, { addErrors: result.errors, values });
		const pledge = await event.locals.store.add(result.pledge, actor);
		redirect(303, `/organizers?added=${pledge.id}`);
	},

	withdraw: async (event) => {
		const actor = actorOf(event);
		const id = text(await event.request.formData(), 'id');
		if (!(await event.locals.store.withdraw(id, actor)) && !(await event.locals.store.get(id))) return fail(404, { missing: true });
		redirect(303, `/organizers?withdrawn=${encodeURIComponent(id)}`);
	},

	restore: async (event) => {
		const actor = actorOf(event);
		const id = text(await event.request.formData(), 'id');
		if (!(await event.locals.store.restore(id, actor)) && !(await event.locals.store.get(id))) return fail(404, { missing: true });
		redirect(303, `/organizers?restored=${encodeURIComponent(id)}`);
	}
};
