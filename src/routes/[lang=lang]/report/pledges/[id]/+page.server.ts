import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { validateTranslation } from '$lib/governments/schema';
import { isLanguage, otherLanguages, type Language } from '$lib/i18n/languages';
import { noteFromForm, todayInEventZone, validateNote } from '$lib/pledges/notes';
import { isStatus } from '$lib/pledges/status';
import { ownPledge, submissionFromForm, takeReporterWrite } from '$lib/server/governments/desk';
import { requireReporter } from '$lib/server/governments/reporter-session';
import { reporterActor } from '$lib/server/governments/reporters';
import { retryAfterSeconds } from '$lib/server/limits/rate-limit';
import type { Actions, PageServerLoad } from './$types';

/** The reporter's own pledge, else 404 (another government's, a withdrawn one, no such id alike). */
async function own(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const reporter = requireReporter(event);
	const pledge = await ownPledge(event.locals.store, reporter, event.params.id ?? '');
	if (!pledge) error(404, 'Not Found');
	return { reporter, pledge };
}

/** One write counted for the reporter and the address, or the refusal to show, with what the form sent (`sent`) to fill it again. */
async function mayWrite<Sent extends object>(event: RequestEvent, reporter: Parameters<typeof takeReporterWrite>[1], sent: Sent) {
	const decision = await takeReporterWrite(event.locals.store, reporter, event);
	if (decision.allowed) return undefined;
	event.setHeaders({ 'retry-after': String(retryAfterSeconds(decision.retryAfterMs)) });
	return fail(429, { limit: 'tooMany' as const, retryAfterMs: decision.retryAfterMs, ...sent });
}

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const load: PageServerLoad = async (event) => {
	const { pledge } = await own(event);
	const lang = event.params.lang as Language;
	const saved = event.url.searchParams.get('saved');
	const savedIn = event.url.searchParams.get('in') ?? '';
	return {
		pledge,
		notes: await event.locals.store.notes(pledge.id),
		translations: await event.locals.store.reporting.translations(pledge.id),
		// The languages it may be given in besides its original one.
		otherLanguages: otherLanguages((isLanguage(pledge.lang) ? pledge.lang : undefined) ?? lang),
		today: todayInEventZone(),
		saved: saved === 'report' || saved === 'translation' || saved === 'resubmitted' ? saved : undefined,
		// The language of the version just saved, which its notice names.
		savedIn: isLanguage(savedIn) ? savedIn : undefined
	};
};

export const actions: Actions = {
	report: async (event) => {
		const { reporter, pledge } = await own(event);
		const form = await event.request.formData();
		const note = noteFromForm(form);
		const status = field(form, 'status');
		const newStatus = isStatus(status) && status !== pledge.status ? status : undefined;
		// Every refusal gives back the note and the status chosen, for the form to show them again.
		const values = { ...note, status: newStatus ?? '' };
		if (pledge.verification) return fail(409, { reportValues: values });
		const hasNote = [note.date, note.text, note.evidence].some((value) => typeof value === 'string' && value.trim() !== '');
		if (!newStatus && !hasNote) return fail(400, { nothing: true, reportValues: values });
		const checked = hasNote ? validateNote(note) : undefined;
		if (checked && !checked.success) return fail(400, { noteErrors: checked.errors, reportValues: values });
		const refused = await mayWrite(event, reporter, { reportValues: values });
		if (refused) return refused;
		const actor = reporterActor(reporter);
		if (newStatus) await event.locals.store.setStatus(pledge.id, newStatus, actor);
		if (checked?.success) await event.locals.store.addNote(pledge.id, { ...checked.note, lang: event.params.lang }, actor);
		redirect(303, `/${event.params.lang}/report/pledges/${pledge.id}?saved=report`);
	},

	translate: async (event) => {
		const { reporter, pledge } = await own(event);
		const form = await event.request.formData();
		const lang = field(form, 'lang');
		const values = { title: field(form, 'title'), description: field(form, 'description') };
		if (!isLanguage(lang) || lang === pledge.lang) return fail(400, { translationErrors: { body: 'type' as const }, translationValues: values });
		const result = validateTranslation(values);
		if (!result.success) return fail(400, { translationErrors: result.errors, translationValues: values, translationLang: lang });
		const refused = await mayWrite(event, reporter, { translationValues: values, translationLang: lang });
		if (refused) return refused;
		const { title, description } = result.value;
		await event.locals.store.reporting.translate(pledge.id, { lang, title, ...(description ? { description } : {}) }, reporterActor(reporter));
		redirect(303, `/${event.params.lang}/report/pledges/${pledge.id}?saved=translation&in=${lang}`);
	},

	resubmit: async (event) => {
		const { reporter, pledge } = await own(event);
		const submission = submissionFromForm(await event.request.formData(), reporter);
		if (!submission.ok) return fail(400, { errors: submission.errors, values: submission.values });
		const { fields } = submission;
		const refused = await mayWrite(event, reporter, { values: fields });
		if (refused) return refused;
		if (!(await event.locals.store.reporting.resubmit(pledge.id, fields, reporter, reporterActor(reporter)))) return fail(409, { values: fields });
		redirect(303, `/${event.params.lang}/report/pledges/${pledge.id}?saved=resubmitted`);
	}
};
