import { describe, expect, it } from 'vitest';
import { foldForSearch, pledgeSearchText, searchPatterns } from './search';

describe('foldForSearch', () => {
	it('drops case and accents, so "montreal" finds "Montréal"', () => {
		expect(foldForSearch('Ville de MONTRÉAL')).toBe('ville de montreal');
		expect(foldForSearch('Çà et là, Ñuñoa, Zürich')).toBe('ca et la, nunoa, zurich');
	});

	it('spells out ligatures and makes apostrophes and blanks plain', () => {
		expect(foldForSearch('Œuvre  d’accueil\u00a0: ﬁn')).toBe("oeuvre d'accueil : fin");
		expect(foldForSearch('İstanbul Straße')).toBe('istanbul strasse');
	});
});

describe('pledgeSearchText', () => {
	it('holds the government, title and description, each folded on its own line', () => {
		expect(pledgeSearchText({ government: 'Ville de Montréal', title: 'Accueil', description: 'Été' })).toBe('ville de montreal\naccueil\nete');
		expect(pledgeSearchText({ government: 'Kampala', title: 'Shelter' })).toBe('kampala\nshelter\n');
	});
});

describe('searchPatterns', () => {
	it('makes one pattern per distinct word, folded', () => {
		expect(searchPatterns('  Montréal   accueil montreal ')).toEqual(['%montreal%', '%accueil%']);
		expect(searchPatterns('   ')).toEqual([]);
	});

	it('takes LIKE wildcards and the escape character literally', () => {
		expect(searchPatterns('100% a_b c\\d')).toEqual(['%100\\%%', '%a\\_b%', '%c\\\\d%']);
	});
});
