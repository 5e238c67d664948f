import { consoleLanguage } from '$lib/server/organizers/console-language';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ url, cookies, request, locals, setHeaders }) => {
	locals.lang = consoleLanguage(url, cookies, request.headers.get('accept-language'));
	setHeaders({ 'cache-control': 'no-store' });
	return { lang: locals.lang, organizerEmail: locals.organizer?.email };
};
