import { describe, expect, it } from 'vitest';
import { filterFromQuery } from './filter';

const query = (search: string) => filterFromQuery(new URLSearchParams(search));

describe('filterFromQuery', () => {
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
