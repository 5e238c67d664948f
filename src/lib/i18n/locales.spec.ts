import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

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
	it('have the same namespaces in every language', () => {
		expect(Object.keys(resources.fr)).toEqual(Object.keys(resources.en));
	});

	for (const file of Object.keys(resources.en)) {
		it(`${file} has the same keys in English and French`, () => {
			expect(Object.keys(resources.fr[file] ?? {}).sort()).toEqual(Object.keys(resources.en[file]).sort());
		});
	}

	it('hold no empty or non-text value', () => {
		for (const lang of LANGUAGES) {
			for (const [file, entries] of Object.entries(resources[lang])) {
				for (const [key, value] of Object.entries(entries)) {
					expect(typeof value === 'string' && value.trim() !== '', `${lang}/${file}: ${key}`).toBe(true);
				}
			}
		}
	});

	it('use the same interpolation variables in both languages', () => {
		for (const [file, entries] of Object.entries(resources.en)) {
			for (const [key, value] of Object.entries(entries)) {
				const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
				expect(variables(resources.fr[file][key]), `${file}: ${key}`).toEqual(variables(value));
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
