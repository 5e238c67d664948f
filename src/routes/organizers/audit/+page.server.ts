import { requireOrganizer } from '$lib/server/organizers/actor';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireOrganizer(event);
	return { audit: getStore().auditLog(500) };
};
