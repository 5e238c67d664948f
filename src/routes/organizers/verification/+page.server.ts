import { fail, redirect } from '@sveltejs/kit';
import { validateVerification } from '$lib/governments/schema';
import { countryName } from '$lib/i18n/format';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	const lang = event.locals.lang ?? 'en';
	const pending = await event.locals.store.reporting.pending();
	const done = event.url.searchParams.get('published') ? 'published' : event.url.searchParams.get('returned') ? 'returned' : undefined;
	return {
		pending: pending.map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, lang) })),
		done: done && { kind: done, title: event.url.searchParams.get(done) ?? '' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = actorOf(event);
		const form = await event.request.formData();
		const field = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		const id = field('id');
		const decision = validateVerification({ verification: field('verification'), ...(field('verification') === 'returned' ? { reason: field('reason') } : {}) });
		if (!decision.success) return fail(400, { id, errors: decision.errors });
		const outcome = await event.locals.store.reporting.verify(id, decision.value, actor);
		if (outcome.kind !== 'done') return fail(outcome.kind === 'missing' ? 404 : 409, { id, errors: { body: 'verification' as const } });
		redirect(303, `/organizers/verification?${decision.value.verification}=${encodeURIComponent(outcome.pledge.title)}`);
	}
};
