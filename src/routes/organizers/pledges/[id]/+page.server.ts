import { error, fail, redirect } from '@sveltejs/kit';
import { countriesByName } from '$lib/pledges/countries';
import { noteFromForm, todayInEventZone, validateNote } from '$lib/pledges/notes';
import { pledgeFromForm, validatePledge } from '$lib/pledges/schema';
import { isStatus } from '$lib/pledges/status';
import { validateReason } from '$lib/governments/schema';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	const { params, locals, url } = event;
	const entry = await locals.store.get(params.id);
	if (!entry) error(404, 'No such pledge.');
	// What the last form saved (after its redirect), for the notice.
	const saved = (['status', 'note'] as const).find((kind) => kind === url.searchParams.get('saved'));
	return {
		entry,
		// Hidden notes too, marked: the organizers see what they hid and why.
		notes: await locals.store.notes(entry.id, { withHidden: true }),
		today: todayInEventZone(),
		saved,
		countries: countriesByName(locals.lang ?? 'en')
	};
};

export const actions: Actions = {
	correct: async (event) => {
		const actor = actorOf(event);
		const values = pledgeFromForm(await event.request.formData());
		const result = validatePledge(values);
		if (!result.success) return fail(400, { errors: result.errors, values });
		const pledge = await event.locals.store.update(event.params.id, result.pledge, actor);
		if (!pledge) error(404, 'No such pledge.');
		redirect(303, `/organizers?updated=${pledge.id}`);
	},

	status: async (event) => {
		const actor = actorOf(event);
		const status = (await event.request.formData()).get('status');
		if (!isStatus(status)) return fail(400, { statusError: 'status' as const });
		if (!(await event.locals.store.setStatus(event.params.id, status, actor))) error(404, 'No such pledge.');
		redirect(303, `/organizers/pledges/${event.params.id}?saved=status`);
	},

	note: async (event) => {
		const actor = actorOf(event);
		const values = noteFromForm(await event.request.formData());
		const result = validateNote(values);
		if (!result.success) return fail(400, { noteErrors: result.errors, noteValues: values });
		if (!(await event.locals.store.addNote(event.params.id, result.note, actor))) error(404, 'No such pledge.');
		redirect(303, `/organizers/pledges/${event.params.id}?saved=note`);
	},

	hideNote: async (event) => {
		const actor = actorOf(event);
		const form = await event.request.formData();
		const noteId = String(form.get('noteId') ?? '');
		const typed = form.get('reason');
		const reason = validateReason({ reason: typed ?? '' });
		// The refusal names the note and gives back the reason typed, for that note's form to show them.
		if (!reason.success) return fail(400, { hideError: reason.errors.reason ?? 'required', hideNoteId: noteId, hideReason: typeof typed === 'string' ? typed : '' });
		if (!(await event.locals.store.reporting.hideNote(noteId, reason.value.reason, actor))) error(404, 'No such note.');
		redirect(303, `/organizers/pledges/${event.params.id}`);
	}
};
