import { fail, redirect } from '@sveltejs/kit';
import { previewImport } from '$lib/pledges/csv';
import type { PledgeInput } from '$lib/server/pledges/types';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

/** The CSV's text from the uploaded file, or from the field the preview sends back. */
async function csvText(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return file.text();
	const text = form.get('csv');
	return typeof text === 'string' ? text : '';
}

// The form itself is for organizers only, like everything in the console.
export const load: PageServerLoad = (event) => {
	requireOrganizer(event);
};

export const actions: Actions = {
	preview: async (event) => {
		actorOf(event);
		const csv = await csvText(await event.request.formData());
		const preview = previewImport(csv);
		if ('problem' in preview) return fail(400, { problem: preview.problem, missing: preview.missing ?? [] });
		return { csv, rows: preview.rows, isValid: preview.isValid };
	},

	// All or nothing: the whole file is checked again, and stored in one transaction only if every row is good.
	import: async (event) => {
		const actor = actorOf(event);
		const csv = await csvText(await event.request.formData());
		const preview = previewImport(csv);
		if ('problem' in preview) return fail(400, { problem: preview.problem, missing: preview.missing ?? [] });
		if (!preview.isValid) return fail(400, { csv, rows: preview.rows, isValid: false });
		const stored = await event.locals.store.addMany(
			preview.rows.map((row) => row.pledge as PledgeInput),
			actor
		);
		redirect(303, `/organizers?imported=${stored.length}`);
	}
};
