import { fail, redirect } from '@sveltejs/kit';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import { speakerChoice } from '$lib/server/speaking/choice';
import { publicSpeaking } from '$lib/server/speaking/public';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// The guard lets only signed-in organizers this far; the page checks again itself.
	requireOrganizer(event);
	return { speaking: publicSpeaking(await event.locals.store.speaking.current()) };
};

export const actions: Actions = {
	pick: async (event) => {
		const actor = actorOf(event);
		const choice = speakerChoice((await event.request.formData()).get('speaker'));
		if (!choice.isValid) return fail(400, { problem: 'unknownSpeaker' as const });
		await event.locals.store.speaking.set(choice.speakerId, actor);
		redirect(303, '/organizers/speaking?saved');
	}
};
