import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { translatorFor } from '$lib/event/translator';
import { loadResources } from './translator';
import { flattenWords, speak } from './words';

function keysOf(tree: unknown, prefix = ''): string[] {
	if (tree === null || typeof tree !== 'object') return [prefix];
	return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

// Values a page may give at run time; every sentence of the site is tried with them.
const options = { time: '19:30', zone: 'Paris', date: 'jeudi 19 mai 2022', handle: '@x', tag: '#y', language: 'français', n: 3, duration: '5 minutes', segment: 'Table ronde' };

describe('the words an island speaks', () => {
	for (const lang of LANGUAGES) {
		it(`are i18next's own text in ${lang}, for every key of every namespace, plurals included`, async () => {
			const t = await translatorFor(lang);
			for (const [namespace, tree] of Object.entries(await loadResources(lang))) {
				const spoken = speak(lang, t.words(Object.keys(tree as object).map((key) => `${namespace}:${key}`)));
				for (const key of keysOf(tree)) {
					const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/);
					const name = `${namespace}:${plural ? plural[1] : key}`;
					for (const count of plural ? [0, 1, 2, 5] : [undefined]) {
						const withCount = count === undefined ? options : { ...options, count };
						expect(spoken(name, withCount), name).toBe(t(name, withCount));
					}
				}
			}
		});
	}

	it('carry the event’s facts filled in and the values of the browser left open', async () => {
		const t = await translatorFor('en');
		const words = t.words(['common:time', 'stream:counter']);
		expect(words['stream:counter.announcement_other']).toContain('{{formatted}}');
		expect(words['common:time.yourTime']).toContain('{{time}}');
		expect(words['common:time.eventZone']).toBe(t('common:time.eventZone'));
		expect(words['common:time.eventZone']).not.toContain('{{');
	});

	it('pick plural forms with the language’s rules', () => {
		const words = { 'common:minutes_one': '{{count}} minute', 'common:minutes_other': '{{count}} minutes' };
		expect(speak('fr', words)('minutes', { count: 0 })).toBe('0 minute');
		expect(speak('en', words)('minutes', { count: 0 })).toBe('0 minutes');
		expect(speak('en', words)('common:minutes', { count: 1 })).toBe('1 minute');
	});

	it('leave a value not given as it is, and tell of a key they do not have', () => {
		const spoken = speak('en', { 'live:next': 'Next: {{segment}} at {{time}}' }, (key) => `missing ${key}`);
		expect(spoken('live:next', { time: '14:00' })).toBe('Next: {{segment}} at 14:00');
		expect(spoken('live:other')).toBe('missing live:other');
		expect(speak('en', {})('live:other')).toBe('live:other');
	});

	it('flatten i18next’s subtrees into full keys', () => {
		expect(flattenWords([['a:b', { c: 'x', d: { e: 'y' } }], ['a:f', 'z']])).toEqual({ 'a:b.c': 'x', 'a:b.d.e': 'y', 'a:f': 'z' });
	});
});
