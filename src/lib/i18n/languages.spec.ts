import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage, pathInLanguage } from './languages';

describe('negotiateLanguage (the language `/` sends a visitor to)', () => {
	it('follows a remembered choice over Accept-Language', () => {
		expect(negotiateLanguage('fr', 'en-US,en;q=0.9')).toBe('fr');
		expect(negotiateLanguage('en', 'fr-FR,fr;q=0.9')).toBe('en');
	});

	it('ignores a remembered value that is no language of the site', () => {
		expect(negotiateLanguage('de', 'fr-CA')).toBe('fr');
	});

	it('takes the first supported language by quality, regional variants included', () => {
		expect(negotiateLanguage(undefined, 'de-DE,de;q=0.9,fr-BE;q=0.8,en;q=0.7')).toBe('fr');
		expect(negotiateLanguage(undefined, 'en;q=0.5,fr;q=0.9')).toBe('fr');
		expect(negotiateLanguage(undefined, 'fr;q=0,en-GB')).toBe('en');
	});

	it('falls back to English without a usable header', () => {
		expect(negotiateLanguage(undefined, undefined)).toBe('en');
		expect(negotiateLanguage(undefined, '')).toBe('en');
		expect(negotiateLanguage(undefined, 'de,es;q=0.8')).toBe('en');
		expect(negotiateLanguage(undefined, ';;;,q=abc')).toBe('en');
	});
});

describe('parseAcceptLanguage', () => {
	it('orders tags by quality and keeps header order for ties', () => {
		expect(parseAcceptLanguage('es;q=0.5, fr, en;q=0.8, de')).toEqual(['fr', 'de', 'en', 'es']);
	});
});

describe('pathInLanguage', () => {
	it('maps a page to the same page in the other language', () => {
		expect(pathInLanguage('/en/', 'fr')).toBe('/fr/');
		expect(pathInLanguage('/en/live', 'fr')).toBe('/fr/live');
		expect(pathInLanguage('/fr/pledges', 'en')).toBe('/en/pledges');
		expect(pathInLanguage('/fr', 'en')).toBe('/en/');
	});
});
