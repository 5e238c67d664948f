import { fail, redirect } from '@sveltejs/kit';
import { parseModeration } from '$lib/questions/schema';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import { readModerationQueue } from '$lib/server/questions/moderation-queue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// The guard lets only signed-in organizers this far; the page checks again itself.
	requireOrganizer(event);
	return { queue: await readModerationQueue(event.locals.store.questions) };
};

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	setOpen: async (event) => {
		const actor = actorOf(event);
		await event.locals.store.questions.setOpen(text(await event.request.formData(), 'open') === '1', actor);
		redirect(303, '/organizers/questions');
	},

	moderate: async (event) => {
		const actor = actorOf(event);
		const form = await event.request.formData();
		const id = text(form, 'id');
		const change = parseModeration({
			...(form.has('status') ? { status: text(form, 'status') } : {}),
			...(form.has('onScreen') ? { onScreen: text(form, 'onScreen') === '1' } : {})
		});
		if (!change) return fail(400, { problem: 'notFound' as const });
		const outcome = await event.locals.store.questions.moderate(id, change, actor);
		if (outcome.kind === 'not-found') return fail(404, { problem: 'notFound' as const });
		if (outcome.kind === 'not-public') return fail(409, { problem: 'notPublic' as const });
		redirect(303, `/organizers/questions#q-${encodeURIComponent(id)}`);
	}
};
