import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor';
import { readListQuery } from './list-query';

const read = (query: string) => readListQuery(new URLSearchParams(query));

describe('readListQuery', () => {
	it('reads the limit, the cursor and the filter', () => {
		expect(read(`limit=20&cursor=${encodeCursor(7)}&q=Montr%C3%A9al&country=ca&compact=gcr`)).toEqual({
			filter: { q: 'Montréal', country: 'CA', compact: 'GCR' },
			limit: 20,
			after: 7
		});
		expect(read('')).toEqual({ filter: {}, limit: 1000 });
		expect(read('country=&compact=&q=')).toEqual({ filter: {}, limit: 1000 });
	});

	it('names the parameter it cannot use', () => {
		expect(read('limit=0')).toEqual({ problem: 'invalid-limit' });
		expect(read('limit=1.5')).toEqual({ problem: 'invalid-limit' });
		expect(read('cursor=')).toEqual({ problem: 'invalid-cursor' });
		expect(read('cursor=abc')).toEqual({ problem: 'invalid-cursor' });
		expect(read(`q=${'é'.repeat(201)}`)).toEqual({ problem: 'search-too-long' });
		expect(read('q=a%00b')).toEqual({ problem: 'invalid-search' });
		expect(read('country=XX')).toEqual({ problem: 'invalid-country' });
		expect(read('compact=both')).toEqual({ problem: 'invalid-compact' });
	});

	it('takes a search of exactly 200 characters', () => {
		expect(read(`q=${'é'.repeat(200)}`)).toMatchObject({ filter: { q: 'é'.repeat(200) } });
	});
});
