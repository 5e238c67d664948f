import { fail, redirect } from '@sveltejs/kit';
import { countryName } from '$lib/i18n/format';
import { countriesByName } from '$lib/pledges/countries';
import { pledgeFromForm, validatePledge } from '$lib/pledges/schema';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import { SESSION_COOKIE } from '$lib/server/organizers/guard';
import { clearSessionCookie, setDeviceCookie, setSessionCookie } from '$lib/server/organizers/session-cookie';
import { DEVICE_COOKIE } from '$lib/server/organizers/device-cookie';
import { passwordSignIn } from '$lib/server/organizers/password-sign-in';
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
		const { cookies, url } = event;
		const store = event.locals.store;
		const signIn = await passwordSignIn(event, await event.request.formData(), 'organizer', DEVICE_COOKIE, (email, password) => store.organizers.checkPassword(email, password));
		if (!signIn.ok) return fail(signIn.status, { signInError: signIn.error, retryAfterMs: signIn.retryAfterMs, email: signIn.email });
		const session = await store.sessions.start(signIn.account.id);
		setSessionCookie(cookies, url, session.id, session.expiresAt);
		if (signIn.newDevice) setDeviceCookie(cookies, url, signIn.newDevice);
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
