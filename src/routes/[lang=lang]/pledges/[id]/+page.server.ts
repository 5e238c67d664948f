import { error } from '@sveltejs/kit';
import { countryName } from '$lib/pledges/countries';
import type { PageServerLoad } from './$types';

// A pledge can be corrected or withdrawn at any time: rendered on each request.
export const prerender = false;

// Ids are the store's UUIDs; anything else is no pledge, without asking the store.
const PLEDGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const entry = PLEDGE_ID.test(params.id) ? await locals.store.get(params.id) : undefined;
	if (!entry) error(404, 'Not Found');
	if (entry.withdrawnAt) error(410, 'Gone');
	const { withdrawnAt: _withdrawn, ...pledge } = entry;
	setHeaders({ 'cache-control': 'no-cache' });
	return { pledge: { ...pledge, countryName: countryName(pledge.country, params.lang) }, notes: await locals.store.notes(pledge.id) };
};
