import { requireOrganizer } from '$lib/server/organizers/actor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	return { audit: await event.locals.store.auditLog(500) };
};
