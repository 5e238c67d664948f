import { fail, redirect } from '@sveltejs/kit';
import { previewImport } from '$lib/pledges/csv';
import type { PledgeInput } from '$lib/server/pledges/types';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

/** The CSV's text from the uploaded file, or from a form field (a form posted by a script). */
async function csvText(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return file.text();
	const text = form.get('csv');
	return typeof text === 'string' ? text : '';
}

/** The address of a file's preview: a page of its own, which a reload only reads again. */
const previewPage = (draft: string) => `/organizers/import?preview=${encodeURIComponent(draft)}`;

// The form itself is for organizers only, like everything in the console. With `?preview=`, the waiting file's rows.
export const load: PageServerLoad = async (event) => {
	const organizer = requireOrganizer(event);
	const draft = event.url.searchParams.get('preview');
	if (draft === null) return {};
	const csv = await event.locals.store.importDrafts.read(draft, organizer.id);
	const preview = csv === undefined ? undefined : previewImport(csv);
	// Imported already, expired, or another organizer's: upload it again.
	if (!preview || 'problem' in preview) return { isGone: true };
	return { draft, rows: preview.rows, isValid: preview.isValid };
};

export const actions: Actions = {
	// Post/redirect/get: the file waits in the store and the preview is the page it redirects to; nothing is imported yet.
	preview: async (event) => {
		const actor = actorOf(event);
		const csv = await csvText(await event.request.formData());
		const preview = previewImport(csv);
		if ('problem' in preview) return fail(400, { problem: preview.problem, missing: preview.missing ?? [] });
		redirect(303, previewPage(await event.locals.store.importDrafts.save(actor.id, csv)));
	},

	// All or nothing: the waiting file is checked again, and stored in one transaction only if every row is good.
	import: async (event) => {
		const actor = actorOf(event);
		const draft = (await event.request.formData()).get('draft');
		const drafts = event.locals.store.importDrafts;
		const csv = typeof draft === 'string' ? await drafts.read(draft, actor.id) : undefined;
		if (typeof draft !== 'string' || csv === undefined) return fail(400, { problem: 'gone' as const, missing: [] });
		const preview = previewImport(csv);
		if ('problem' in preview || !preview.isValid) redirect(303, previewPage(draft));
		// Taken before it is stored: of two confirmations of one preview (a double click), one imports it.
		if ((await drafts.take(draft, actor.id)) === undefined) return fail(400, { problem: 'gone' as const, missing: [] });
		const stored = await event.locals.store.addMany(
			preview.rows.map((row) => row.pledge as PledgeInput),
			actor
		);
		redirect(303, `/organizers?imported=${stored.length}`);
	}
};
