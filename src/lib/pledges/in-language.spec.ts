import { describe, expect, it } from 'vitest';
import { pledgeInLanguage } from './in-language';

const original = { title: 'Accueil des nouveaux arrivants', description: 'Un guichet unique.', lang: 'fr' };
const english = { lang: 'en', title: 'Welcoming newcomers', description: 'A one-stop desk.' };

describe('pledgeInLanguage', () => {
	it('shows the original unmarked on a page in its own language', () => {
		expect(pledgeInLanguage(original, [english], 'fr')).toEqual({ title: { text: original.title }, description: { text: original.description } });
	});

	it("shows the government's version in the page's language when there is one", () => {
		expect(pledgeInLanguage(original, [english], 'en')).toEqual({ title: { text: english.title }, description: { text: english.description } });
	});

	it('shows the original marked with its language when the page language has no version', () => {
		expect(pledgeInLanguage(original, [], 'en')).toEqual({ title: { text: original.title, lang: 'fr' }, description: { text: original.description, lang: 'fr' } });
	});

	it("keeps the original description, marked, when the version gives a title only", () => {
		const titleOnly = { lang: 'en', title: english.title };
		expect(pledgeInLanguage(original, [titleOnly], 'en')).toEqual({ title: { text: english.title }, description: { text: original.description, lang: 'fr' } });
	});

	it('marks nothing when the original language is unknown (recorded by the organizers)', () => {
		const { lang: _lang, ...recorded } = original;
		expect(pledgeInLanguage(recorded, [], 'en')).toEqual({ title: { text: original.title }, description: { text: original.description } });
		expect(pledgeInLanguage(recorded, [english], 'en').title).toEqual({ text: english.title });
	});
});
