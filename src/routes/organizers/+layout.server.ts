import { consoleLanguage } from '$lib/server/organizers/console-language';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ url, cookies, request, locals, setHeaders }) => {
	locals.lang = consoleLanguage(url, cookies, request.headers.get('accept-language'));
	setHeaders({ 'cache-control': 'no-store' });
	// The navigation counts the governments' submissions awaiting verification.
	const pendingCount = locals.organizer ? await locals.store.reporting.pendingCount() : 0;
	return { lang: locals.lang, organizerEmail: locals.organizer?.email, pendingCount };
};
