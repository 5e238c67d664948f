import { isLanguage, type Language } from '$lib/i18n/languages';
import { publicLine } from '$lib/server/captions/public-line';
import type { PageServerLoad } from './$types';

// The lines so far at the time of the request: a refresh shows the new ones without JavaScript.
export const prerender = false;

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const asked = url.searchParams.get('captions') ?? '';
	const captionsLang: Language = isLanguage(asked) ? asked : (params.lang as Language);
	const lines = await locals.store.captions.transcript(captionsLang);
	return { captionsLang, lines: lines.map(publicLine) };
};
