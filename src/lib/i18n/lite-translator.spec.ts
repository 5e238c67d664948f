import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { eventVariables } from '$lib/event/words';
import { createLiteTranslator } from './lite-translator';
import { createI18nextTranslator, loadResources } from './translator';

function keysOf(tree: unknown, prefix = ''): string[] {
	if (tree === null || typeof tree !== 'object') return [prefix];
	return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

const options = { time: '19:30', zone: 'Paris', date: 'jeudi 19 mai 2022', handle: '@x', tag: '#y', language: 'français', n: 3, duration: '5 minutes', segment: 'Table ronde' };

describe('the browser translator', () => {
	for (const lang of LANGUAGES) {
		it(`gives the same ${lang} text as i18next for every key`, async () => {
			const resources = await loadResources(lang);
			const lite = createLiteTranslator(lang, resources, eventVariables(lang));
			const full = await createI18nextTranslator(lang, resources);
			for (const [namespace, tree] of Object.entries(resources)) {
				for (const key of keysOf(tree)) {
					const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/);
					const name = `${namespace}:${plural ? plural[1] : key}`;
					for (const count of plural ? [0, 1, 2, 5] : [undefined]) {
						const withCount = count === undefined ? options : { ...options, count };
						expect(lite(name, withCount), name).toBe(full(name, withCount));
					}
				}
			}
		});
	}

	it('picks plural forms with the language’s rules', () => {
		const resources = { common: { minutes_one: '{{count}} minute', minutes_other: '{{count}} minutes' } };
		expect(createLiteTranslator('fr', resources)('minutes', { count: 0 })).toBe('0 minute');
		expect(createLiteTranslator('en', resources)('minutes', { count: 0 })).toBe('0 minutes');
		expect(createLiteTranslator('en', resources)('minutes', { count: 1 })).toBe('1 minute');
	});
});
