import { describe, expect, it } from 'vitest';
import { translatorFor } from '$lib/event/translator';
import { LANGUAGES } from '$lib/i18n/languages';
import { CSV_COLUMNS } from './csv';
import { EXPORT_COLUMNS, JSON_ENVELOPE_FIELDS, JSON_NOTE_FIELDS, JSON_PLEDGE_FIELDS, openPledge } from './open-data';
import type { Pledge } from './types';

const pledge: Pledge = {
	id: 'p1',
	government: 'Ville de Grigny',
	country: 'FR',
	title: 'Accueil',
	compacts: ['GCM'],
	status: 'planned',
	createdAt: '2026-05-05T10:00:00.000Z',
	updatedAt: '2026-05-05T10:00:00.000Z',
	reportedBy: 'government',
	verifiedAt: '2026-05-06T10:00:00.000Z'
};

describe('the open data’s one list of fields', () => {
	it('keeps the CSV’s earlier columns first, in their order', () => {
		expect(EXPORT_COLUMNS.slice(0, CSV_COLUMNS.length + 3)).toEqual(['id', ...CSV_COLUMNS, 'createdAt', 'lastReportAt']);
	});

	it('carries who wrote each pledge, its verification and its last report', () => {
		for (const name of ['reportedBy', 'verification', 'lastReportAt'] as const) {
			expect(EXPORT_COLUMNS).toContain(name);
			expect(JSON_PLEDGE_FIELDS).toContain(name);
		}
		expect(openPledge(pledge)).toMatchObject({ verification: 'published', reportedBy: 'government', lastReportAt: null });
	});

	it('documents every name in every language', async () => {
		for (const lang of LANGUAGES) {
			const t = await translatorFor(lang);
			const words = [
				...[...EXPORT_COLUMNS, ...JSON_PLEDGE_FIELDS].map((name) => `opendata:fields.${name}`),
				...JSON_ENVELOPE_FIELDS.map((name) => `opendata:envelope.${name}`),
				...JSON_NOTE_FIELDS.map((name) => `opendata:note.${name}`)
			];
			for (const key of words) expect(t(key), `${lang}: ${key}`).not.toBe(key);
		}
	});
});
