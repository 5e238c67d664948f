import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ audit: await locals.store.auditLog(500) });
