import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { formatDate, formatTime, zoneAbbreviation, zoneCity } from './format';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages';

const root = join(process.cwd(), 'locales');

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
	if (value === null || typeof value !== 'object') return { [prefix]: value };
	return Object.assign({}, ...Object.entries(value).map(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key)));
}

function load(lang: string) {
	const files = readdirSync(join(root, lang)).filter((file) => file.endsWith('.json')).sort();
	return Object.fromEntries(files.map((file) => [file, flatten(JSON.parse(readFileSync(join(root, lang, file), 'utf8')))]));
}

const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, load(lang)]));

describe('locale files', () => {
	const reference = resources[DEFAULT_LANGUAGE];
	const others = LANGUAGES.filter((lang) => lang !== DEFAULT_LANGUAGE);

	it('have the same namespaces in every language', () => {
		for (const lang of others) expect(Object.keys(resources[lang]), lang).toEqual(Object.keys(reference));
	});

	for (const file of Object.keys(reference)) {
		it(`${file} has the same keys in every language`, () => {
			for (const lang of others) expect(Object.keys(resources[lang][file] ?? {}).sort(), lang).toEqual(Object.keys(reference[file]).sort());
		});
	}

	it('type in no fact of the event: dates, times, zone, room and city come from the facts', () => {
		for (const lang of LANGUAGES) {
			const facts = [
				formatDate(event.start, lang, event.timeZone),
				...event.segments.flatMap((segment) => [formatTime(segment.start, lang, event.timeZone), formatTime(segment.end, lang, event.timeZone)]),
				`${zoneCity(event.timeZone)} time`,
				`heure de ${zoneCity(event.timeZone)}`,
				zoneAbbreviation(event.start, event.timeZone),
				`Room ${event.venue.room}`,
				`salle ${event.venue.room}`,
				`, ${event.venue.address.locality}`
			];
			for (const [file, entries] of Object.entries(resources[lang])) {
				for (const [key, value] of Object.entries(entries)) {
					const text = String(value).replace(/\s/g, ' ');
					for (const fact of facts) expect(text.includes(fact), `${lang}/${file}: ${key} types "${fact}"`).toBe(false);
					// A date written out ("18 May 2022", "May 18, 2022") in any form.
					expect(text, `${lang}/${file}: ${key}`).not.toMatch(/\b\d{1,2} \p{L}+ \d{4}\b|\p{L}+ \d{1,2}, \d{4}/u);
				}
			}
		}
	});

	it('use the same interpolation variables in every language', () => {
		for (const [file, entries] of Object.entries(reference)) {
			for (const [key, value] of Object.entries(entries)) {
				const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
				for (const lang of others) expect(variables(resources[lang][file][key]), `${lang}/${file}: ${key}`).toEqual(variables(value));
			}
		}
	});

	it('follow French typography: a no-break space before high punctuation, never a plain one', () => {
		for (const [file, entries] of Object.entries(resources.fr)) {
			for (const [key, value] of Object.entries(entries)) {
				const text = String(value).replace(/\{\{\w+\}\}/g, '').replace(/https?:\/\/\S+/g, '');
				expect(text, `fr/${file}: ${key}`).not.toMatch(/ [:;!?»]|« /);
				expect(text, `fr/${file}: ${key}`).not.toMatch(/[^\s\u00a0\u202f(][;!?»]/);
			}
		}
	});
});
