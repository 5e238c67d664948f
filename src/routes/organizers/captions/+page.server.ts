import { fail, redirect } from '@sveltejs/kit';
import { isLanguage, LANGUAGES, type Language } from '$lib/i18n/languages';
import { CAPTION_TEXT_LIMITS, validateCorrection } from '$lib/server/captions/line-input';
import { captioningState } from '$lib/server/captions/state';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

/** The console shows this many final lines of a language, newest first (the API corrects any other). */
const LINES_SHOWN = 200;

const captionsLanguage = (value: string | null): Language => (value !== null && isLanguage(value) ? value : LANGUAGES[0]);

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	const captionsLang = captionsLanguage(event.url.searchParams.get('captions'));
	const { captions } = event.locals.store;
	const lines = (await captions.finalLines(captionsLang)).slice(-LINES_SHOWN).reverse();
	return {
		state: await captioningState(captions),
		captionsLang,
		lines: lines.map(({ id, text, isHidden, startedAt }) => ({ id, text, isHidden, startedAt })),
		saved: event.url.searchParams.has('saved'),
		maxLength: CAPTION_TEXT_LIMITS.text
	};
};

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** Back to the line, its language chosen, with the confirmation. */
const toLine = (lang: Language, id: string) => `/organizers/captions?captions=${lang}&saved#line-${encodeURIComponent(id)}`;

export const actions: Actions = {
	/** Captioning outside its window, as `PUT /api/captions/open`: audited when it changes. */
	setOpen: async (event) => {
		const actor = actorOf(event);
		await event.locals.store.captions.setOpen(text(await event.request.formData(), 'open') === '1', actor);
		redirect(303, '/organizers/captions');
	},

	/** A final line's text corrected, or the line hidden or shown again: open captions pages and the transcript follow. */
	correct: async (event) => {
		const actor = actorOf(event);
		const form = await event.request.formData();
		const lang = text(form, 'lang');
		const id = text(form, 'id');
		const correction = validateCorrection(form.has('hidden') ? { hidden: text(form, 'hidden') === '1' } : { text: text(form, 'text') });
		if (!correction.success) return fail(400, { problem: 'invalid' as const, reason: Object.values(correction.errors)[0], id });
		if (!isLanguage(lang)) return fail(404, { problem: 'notFound' as const, id });
		const outcome = await event.locals.store.captions.correct(lang, id, correction.correction, actor);
		if (outcome === 'not-found') return fail(404, { problem: 'notFound' as const, id });
		if (outcome === 'not-final') return fail(409, { problem: 'notFinal' as const, id });
		redirect(303, toLine(lang, id));
	}
};
