import { error, fail, redirect } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { questionsPagePath } from '$lib/components/questions/questions-form';
import { questionFromForm, QUESTION_LIMITS } from '$lib/questions/schema';
import { fieldMessages } from '$lib/server/http/field-errors';
import { refusalHeaders, refusalStatus } from '$lib/server/http/refusal-status';
import { refusalMessage } from '$lib/server/questions/refusal-message';
import { decodeCursor } from '$lib/server/questions/cursor';
import { listSize } from '$lib/server/questions/index';
import { askQuestion, castVote, votesOfViewer } from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

// Open or closed, and the approved questions, at the time of the request; the votes are this browser's.
// The top of each list first; `?cursor=` one page after it (the "more" links), each page bounded.
export const prerender = false;

/** Where an accepted question leads (post/redirect/get): a reload shows the confirmation again and asks nothing twice. */
const ASKED = 'asked';

export const load: PageServerLoad = async ({ cookies, setHeaders, locals, url, params }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const votedIds = await votesOfViewer(locals.store, cookies);
	const cursor = url.searchParams.get('cursor');
	if (cursor === null) return { questions: await locals.store.questions.publicState(listSize()), page: null, votedIds, asked: url.searchParams.has(ASKED) };
	const after = decodeCursor(cursor);
	if (!after) error(400, (await translatorFor(params.lang as Language))('questions:apiErrors.invalidCursor'));
	return { questions: null, page: await locals.store.questions.publicPage(after, listSize()), votedIds, asked: false };
};

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	ask: async (event) => {
		const lang = event.params.lang as Language;
		const t = await translatorFor(lang);
		const form = await event.request.formData();
		const values = { text: text(form, 'text'), name: text(form, 'name'), affiliation: text(form, 'affiliation') };
		const result = await askQuestion(event.locals.store, event, questionFromForm(form, lang));
		if (result.kind === 'accepted') redirect(303, `${questionsPagePath(lang)}?${ASKED}#questions`);
		if (result.kind === 'invalid') {
			return fail(400, { ask: { message: t('questions:errors.summary'), errors: fieldMessages(t, 'questions', result.errors, QUESTION_LIMITS), values } });
		}
		event.setHeaders(refusalHeaders(result));
		return fail(refusalStatus(result), { ask: { message: refusalMessage(t, result), values } });
	},

	vote: async (event) => {
		const lang = event.params.lang as Language;
		const form = await event.request.formData();
		const id = text(form, 'id');
		const result = await castVote(event.locals.store, event, id, text(form, 'voted') !== '0');
		if (result.kind === 'counted') redirect(303, `${questionsPagePath(lang)}#q-${encodeURIComponent(id)}`);
		event.setHeaders(refusalHeaders(result));
		return fail(refusalStatus(result), { voteMessage: refusalMessage(await translatorFor(lang), result) });
	}
};
