import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { apiError } from './api-error';
import { apiLanguage } from './language';

const other = LANGUAGES.find((lang) => lang !== DEFAULT_LANGUAGE)!;
const request = (acceptLanguage?: string) => new Request('https://site.example/api/x', { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

describe('the language of an API answer', () => {
	it('is the one the JSON body names', () => {
		expect(apiLanguage(request(DEFAULT_LANGUAGE), { lang: other })).toBe(other);
	});

	it('is Accept-Language’s best match when the body names none, or one the site does not speak', () => {
		expect(apiLanguage(request(`${other}-CA,${DEFAULT_LANGUAGE};q=0.5`))).toBe(other);
		expect(apiLanguage(request(other), { lang: 'xx' })).toBe(other);
		expect(apiLanguage(request(other), null)).toBe(other);
	});

	it('is the default language without either', () => {
		expect(apiLanguage(request())).toBe(DEFAULT_LANGUAGE);
	});
});

describe('an API error', () => {
	it('is JSON { error, message }, the message the sentence of locales/ in the request’s language, never cached', async () => {
		const t = await translatorFor(other);
		const response = await apiError(request(other), 400, 'invalid-json', 'common:api.invalidJson');
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(await response.json()).toEqual({ error: 'invalid-json', message: t('common:api.invalidJson') });
	});

	it('fills the sentence’s values and carries the given headers', async () => {
		const t = await translatorFor(DEFAULT_LANGUAGE);
		const response = await apiError(request(), 413, 'too-large', 'common:api.tooLarge', { values: { max: 10 }, headers: { 'retry-after': '1' } });
		expect(response.headers.get('retry-after')).toBe('1');
		expect((await response.json()).message).toBe(t('common:api.tooLarge', { max: 10 }));
		expect(t('common:api.tooLarge', { max: 10 })).toContain('10');
	});
});
