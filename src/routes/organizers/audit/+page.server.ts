import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ audit: getStore().auditLog(500) });
