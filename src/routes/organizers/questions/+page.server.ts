import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseModeration, translationsFromForm, validateTranslations } from '$lib/questions/schema';
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

/** Checks and applies one question's change from a console form; back to the question once done. */
async function moderateFromForm(event: RequestEvent, form: FormData, fields: Record<string, unknown>) {
	const actor = actorOf(event);
	const id = text(form, 'id');
	const change = parseModeration(fields);
	if (!change) return fail(400, { problem: 'notFound' as const });
	const translations = validateTranslations(change.translations ?? {});
	if (!translations.success) {
		// The page words it, in the console's language, with the limit of a question's text.
		return fail(400, { problem: 'invalidTranslation' as const, reason: Object.values(translations.errors)[0] });
	}
	const outcome = await event.locals.store.questions.moderate(id, { ...change, ...(change.translations ? { translations: translations.translations } : {}) }, actor);
	if (outcome.kind === 'not-found') return fail(404, { problem: 'notFound' as const });
	if (outcome.kind === 'not-public') return fail(409, { problem: 'notPublic' as const });
	if (outcome.kind === 'same-language') return fail(400, { problem: 'sameLanguage' as const });
	redirect(303, `/organizers/questions#q-${encodeURIComponent(id)}`);
}

export const actions: Actions = {
	setOpen: async (event) => {
		const actor = actorOf(event);
		await event.locals.store.questions.setOpen(text(await event.request.formData(), 'open') === '1', actor);
		redirect(303, '/organizers/questions');
	},

	/** A status or the screen; approving may give the question's text in other languages at once (blank: none). */
	moderate: async (event) => {
		const form = await event.request.formData();
		const translations = translationsFromForm(form, 'ignored');
		return moderateFromForm(event, form, {
			...(form.has('status') ? { status: text(form, 'status') } : {}),
			...(form.has('onScreen') ? { onScreen: text(form, 'onScreen') === '1' } : {}),
			...(translations ? { translations } : {})
		});
	},

	/** The question's texts in other languages, added or corrected later (a blank field takes one away). */
	translate: async (event) => {
		const form = await event.request.formData();
		const translations = translationsFromForm(form, 'removes');
		return moderateFromForm(event, form, translations ? { translations } : {});
	}
};
