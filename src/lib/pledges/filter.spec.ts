import { describe, expect, it } from 'vitest';
import { filterFromQuery, filterQuery, storeFilter } from './filter';
import { MAX_SEARCH_LENGTH } from './search';

const query = (search: string) => filterFromQuery(new URLSearchParams(search));

describe('filterFromQuery', () => {
	it('keeps a known country and compact and the search, trimmed', () => {
		expect(filterFromQuery(new URLSearchParams('country=ug&compact=gcm&q=%20Montr%C3%A9al%20'))).toEqual({ country: 'UG', compact: 'GCM', q: 'Montréal' });
	});

	it('reads unknown values and an empty search as "all"', () => {
		expect(filterFromQuery(new URLSearchParams('country=XX&compact=ABC&q=%20%20'))).toEqual({});
	});

	it(`cuts a search longer than ${MAX_SEARCH_LENGTH} characters, never inside a character`, () => {
		const q = filterFromQuery(new URLSearchParams({ q: '😀'.repeat(MAX_SEARCH_LENGTH + 5) })).q!;
		expect([...q]).toHaveLength(MAX_SEARCH_LENGTH);
		expect(q.isWellFormed()).toBe(true);
	});
});

describe('the report filter', () => {
	it('keeps recent or stale, and reads anything else as "all"', () => {
		expect(query('report=stale')).toEqual({ report: 'stale' });
		expect(query('report=recent')).toEqual({ report: 'recent' });
		expect(query('report=old')).toEqual({});
	});

	it('gives the store the instant from which a report is recent', () => {
		expect(storeFilter({ country: 'UG', report: 'stale' }, '2025-03-10T04:00:00.000Z')).toEqual({ country: 'UG', report: { filter: 'stale', since: '2025-03-10T04:00:00.000Z' } });
		expect(storeFilter({ country: 'UG' }, '2025-03-10T04:00:00.000Z')).toEqual({ country: 'UG' });
	});
});

describe('filterQuery', () => {
	it('asks for the same filter again, with a page cursor if given', () => {
		const filter = { country: 'FR', q: 'accueil & co' };
		expect(filterFromQuery(new URLSearchParams(filterQuery(filter)))).toEqual(filter);
		expect(new URLSearchParams(filterQuery(filter, 'abc')).get('cursor')).toBe('abc');
		expect(filterQuery({})).toBe('');
	});
});

describe('filterFromQuery with a status', () => {
	it('reads country, compact and status together', () => {
		expect(query('country=ug&compact=gcr&status=achieved')).toEqual({ country: 'UG', compact: 'GCR', status: 'achieved' });
	});

	it('takes each status code', () => {
		for (const status of ['planned', 'in-progress', 'achieved']) expect(query(`status=${status}`)).toEqual({ status });
	});

	it('treats an unknown or blank status as all', () => {
		expect(query('status=done')).toEqual({});
		expect(query('status=')).toEqual({});
		expect(query('status=Achieved')).toEqual({});
	});
});
