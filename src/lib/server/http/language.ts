import { isLanguage, negotiateLanguage, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { Translator } from '$lib/i18n/translator';

/**
 * The language of an API answer: the one its JSON body names (`lang`, as a question does), else
 * Accept-Language's best match, else the default. Not the page cookie: a script's request is
 * answered the same whatever the browser last visited.
 */
export function apiLanguage(request: Request, body?: unknown): Language {
	const named = typeof body === 'object' && body !== null ? (body as { lang?: unknown }).lang : undefined;
	return isLanguage(named) ? named : negotiateLanguage(undefined, request.headers.get('accept-language'));
}

export function apiTranslator(request: Request, body?: unknown): Promise<Translator> {
	return translatorFor(apiLanguage(request, body));
}
