import type { TranslateOptions } from '$lib/i18n/translator';
import { jsonError } from './json';
import { apiTranslator } from './language';

export interface ApiErrorOptions {
	/** The sentence's variables. */
	values?: TranslateOptions;
	headers?: Record<string, string>;
	/** The JSON body already read, when it may name the language (`lang`). */
	body?: unknown;
}

/** An API error whose message is the sentence `key` of locales/, in the request's language. */
export async function apiError(request: Request, status: number, error: string, key: string, options: ApiErrorOptions = {}): Promise<Response> {
	const t = await apiTranslator(request, options.body);
	return jsonError(status, error, t(key, options.values), options.headers);
}
