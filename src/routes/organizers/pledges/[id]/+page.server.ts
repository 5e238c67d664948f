import { error, fail, redirect } from '@sveltejs/kit';
import { countriesByName } from '$lib/pledges/countries';
import { pledgeFromForm, validatePledge } from '$lib/pledges/schema';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	const { params, locals } = event;
	const entry = await locals.store.get(params.id);
	if (!entry) error(404, 'No such pledge.');
	return { entry, countries: countriesByName(locals.lang ?? 'en') };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = actorOf(event);
		const values = pledgeFromForm(await event.request.formData());
		const result = validatePledge(values);
		if (!result.success) return fail(400, { errors: result.errors, values });
		const pledge = await event.locals.store.update(event.params.id, result.pledge, actor);
		if (!pledge) error(404, 'No such pledge.');
		redirect(303, `/organizers?updated=${pledge.id}`);
	}
};
