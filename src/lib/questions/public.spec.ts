import { describe, expect, it } from 'vitest';
import { askedBy, byVotesThenAge, inLanguage, parsePublicQuestions } from './public';
import type { PublicQuestion } from './types';

const question: PublicQuestion = { id: 'a', text: 'Why?', name: null, affiliation: null, lang: 'en', votes: 1, status: 'approved', onScreen: false, createdAt: '2022-05-18T18:00:00Z', translations: {} };

describe('parsePublicQuestions', () => {
	it('reads the public state', () => {
		expect(parsePublicQuestions({ open: true, questions: [question] })).toEqual({ open: true, questions: [question] });
	});

	it('leaves out questions that are not well formed, and refuses anything else', () => {
		expect(parsePublicQuestions({ open: false, questions: [{ ...question, status: 'pending' }, { ...question, lang: 'de' }, 'x'] })).toEqual({ open: false, questions: [] });
		for (const value of [null, 'x', {}, { open: 'yes', questions: [] }, { open: true }]) expect(parsePublicQuestions(value)).toBeUndefined();
	});
});

describe('translations', () => {
	it('reads the texts of site languages, and leaves out anything else', () => {
		const translated = { ...question, translations: { fr: 'Pourquoi ?', de: 'Warum?', en: 3 } };
		expect(parsePublicQuestions({ open: true, questions: [translated] })?.questions[0].translations).toEqual({ fr: 'Pourquoi ?' });
		expect(parsePublicQuestions({ open: true, questions: [{ ...question, translations: undefined }] })?.questions[0].translations).toEqual({});
	});

	it('shows the page language’s version first, the original one click away, or the original alone', () => {
		const translated = { ...question, translations: { fr: 'Pourquoi ?' } };
		expect(inLanguage(translated, 'fr')).toEqual({ lang: 'fr', text: 'Pourquoi ?', original: { lang: 'en', text: 'Why?' } });
		expect(inLanguage(translated, 'en')).toEqual({ lang: 'en', text: 'Why?' });
		expect(inLanguage(question, 'fr')).toEqual({ lang: 'en', text: 'Why?' });
	});
});

describe('byVotesThenAge', () => {
	it('puts most votes first, then the oldest', () => {
		const list = [
			{ ...question, id: 'new', createdAt: '2022-05-18T18:05:00Z' },
			{ ...question, id: 'old' },
			{ ...question, id: 'top', votes: 5, createdAt: '2022-05-18T18:10:00Z' }
		];
		expect(list.sort(byVotesThenAge).map((q) => q.id)).toEqual(['top', 'old', 'new']);
	});
});

describe('askedBy', () => {
	it('joins what was given', () => {
		expect(askedBy({ name: 'Ana', affiliation: 'Montevideo' })).toBe('Ana, Montevideo');
		expect(askedBy({ name: null, affiliation: 'Montevideo' })).toBe('Montevideo');
		expect(askedBy({ name: null, affiliation: null })).toBe('');
	});
});
