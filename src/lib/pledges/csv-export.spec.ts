import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { EXPORT_COLUMNS, neutralisedCell, pledgesCsv } from './csv-export';
import type { Pledge } from './types';

const pledge = (fields: Partial<Pledge>): Pledge => ({
	id: 'p1',
	government: 'Ville de Montréal',
	country: 'CA',
	title: 'Accueil des réfugiés',
	compacts: ['GCM', 'GCR'],
	status: 'in-progress',
	createdAt: '2026-05-05T10:00:00.000Z',
	updatedAt: '2026-05-05T10:00:00.000Z',
	reportedBy: 'organizers',
	...fields
});

describe('pledgesCsv', () => {
	it('starts with a byte-order mark and the columns', () => {
		const csv = pledgesCsv([]);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
	});

	it('keeps accents, commas and quotes when parsed back with the import parser', () => {
		const csv = pledgesCsv([pledge({ description: 'Logement, emploi et « accueil », "dit-on"\nsur deux lignes' })]);
		const parsed = parseCsv(csv);
		if ('problem' in parsed) throw new Error(parsed.problem);
		const [header, row] = parsed.records;
		const record = Object.fromEntries(header.map((name, at) => [name, row[at]]));
		expect(record.government).toBe('Ville de Montréal');
		expect(record.title).toBe('Accueil des réfugiés');
		expect(record.description).toBe('Logement, emploi et « accueil », "dit-on"\nsur deux lignes');
		expect(record.compacts).toBe('GCM;GCR');
		expect(record.status).toBe('in-progress');
		expect(record.createdAt).toBe('2026-05-05T10:00:00.000Z');
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralisedCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
		expect(neutralisedCell('Kampala')).toBe('Kampala');
		const parsed = parseCsv(pledgesCsv([pledge({ title: '=HYPERLINK("http://x")' })]));
		if ('problem' in parsed) throw new Error(parsed.problem);
		expect(parsed.records[1][EXPORT_COLUMNS.indexOf('title')]).toBe(`'=HYPERLINK("http://x")`);
	});
});
