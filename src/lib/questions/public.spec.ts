import { describe, expect, it } from 'vitest';
import { askedBy, byVotesThenAge, parsePublicQuestions } from './public';
import type { PublicQuestion } from './types';

const question: PublicQuestion = { id: 'a', text: 'Why?', name: null, affiliation: null, lang: 'en', votes: 1, status: 'approved', onScreen: false, createdAt: '2022-05-18T18:00:00Z' };

describe('parsePublicQuestions', () => {
	it('reads the public state', () => {
		expect(parsePublicQuestions({ open: true, questions: [question] })).toEqual({ open: true, questions: [question] });
	});

	it('leaves out questions that are not well formed, and refuses anything else', () => {
		expect(parsePublicQuestions({ open: false, questions: [{ ...question, status: 'pending' }, { ...question, lang: 'de' }, 'x'] })).toEqual({ open: false, questions: [] });
		for (const value of [null, 'x', {}, { open: 'yes', questions: [] }, { open: true }]) expect(parsePublicQuestions(value)).toBeUndefined();
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
