import { describe, expect, it } from 'vitest';
import { validatePledge } from './schema';

const good = { government: 'Kampala Capital City Authority', country: 'UG', title: 'Welcome desks for newcomers' };

describe('validatePledge', () => {
	it('accepts the required fields alone and adds an empty compacts list', () => {
		expect(validatePledge(good)).toEqual({ success: true, pledge: { ...good, compacts: [] } });
	});

	it('accepts every field, normalizing Unicode, spaces, case and order', () => {
		const result = validatePledge({
			government: '  Ville de Grigny ',
			country: 'fr',
			title: 'Cafe\u0301 solidaire',
			description: 'Line one\r\nLine two',
			compacts: ['GCR', 'GCM', 'GCR'],
			url: 'https://example.org/action'
		});
		expect(result).toEqual({
			success: true,
			pledge: {
				government: 'Ville de Grigny',
				country: 'FR',
				title: 'Café solidaire',
				description: 'Line one\nLine two',
				compacts: ['GCM', 'GCR'],
				url: 'https://example.org/action'
			}
		});
	});

	it('treats blank optional fields as absent', () => {
		expect(validatePledge({ ...good, description: '  ', url: '', compacts: undefined })).toEqual({ success: true, pledge: { ...good, compacts: [] } });
	});

	it('accepts each status code and leaves an absent one out', () => {
		for (const status of ['planned', 'in-progress', 'achieved']) expect(validatePledge({ ...good, status })).toEqual({ success: true, pledge: { ...good, compacts: [], status } });
		expect(validatePledge({ ...good, status: undefined })).toEqual({ success: true, pledge: { ...good, compacts: [] } });
	});

	it('allows a lone angle bracket that is not a tag', () => {
		expect(validatePledge({ ...good, title: 'Shelter for < 50 people, 3 > 2' }).success).toBe(true);
	});

	it.each([
		['a missing government', { country: 'UG', title: 'x' }, { government: 'required' }],
		['a null title', { ...good, title: null }, { title: 'type' }],
		['a blank title', { ...good, title: '   ' }, { title: 'required' }],
		['a number as government', { ...good, government: 42 }, { government: 'type' }],
		['an unknown country code', { ...good, country: 'XX' }, { country: 'country' }],
		['a country name instead of a code', { ...good, country: 'Uganda' }, { country: 'country' }],
		['an unknown compact', { ...good, compacts: ['GCM', 'SDG'] }, { compacts: 'compacts' }],
		['an unknown status', { ...good, status: 'done' }, { status: 'status' }],
		['a status label instead of its code', { ...good, status: 'In progress' }, { status: 'status' }],
		['a null status', { ...good, status: null }, { status: 'status' }],
		['compacts as a string', { ...good, compacts: 'GCM' }, { compacts: 'compacts' }],
		['a javascript: URL', { ...good, url: 'javascript:alert(1)' }, { url: 'url' }],
		['a data: URL', { ...good, url: 'data:text/html,hi' }, { url: 'url' }],
		['a URL without scheme', { ...good, url: 'example.org' }, { url: 'url' }],
		['a script tag in the title', { ...good, title: '<script>alert(1)</script>' }, { title: 'markup' }],
		['an image tag in the description', { ...good, description: 'see <img src=x onerror=alert(1)>' }, { description: 'markup' }],
		['a comment in the government', { ...good, government: 'City <!-- x -->' }, { government: 'markup' }],
		['a control character', { ...good, title: 'Bell\u0007' }, { title: 'control' }],
		['a bidirectional override', { ...good, government: 'City\u202E' }, { government: 'control' }],
		['a too long title', { ...good, title: 'x'.repeat(301) }, { title: 'tooLong' }],
		['a title of Hangul fillers only', { ...good, title: '\u3164\u3164' }, { title: 'required' }],
		['a government of zero-width characters only', { ...good, government: '\u200B\u200C\u200D\u2060' }, { government: 'required' }],
		['a lone high surrogate in the title', { ...good, title: 'Plan \uD83D' }, { title: 'encoding' }],
		['a lone low surrogate in the description', { ...good, description: 'x\uDE00y' }, { description: 'encoding' }]
	])('rejects %s', (_name, input, errors) => {
		expect(validatePledge(input)).toEqual({ success: false, errors });
	});

	it('keeps a zero-width joiner inside visible text (emoji sequences, Indic scripts)', () => {
		const title = 'Accueil 👩\u200D👩\u200D👧 pour tous';
		expect(validatePledge({ ...good, title })).toMatchObject({ success: true, pledge: { title } });
	});

	it.each([null, 'a string', [good], 7])('rejects a body that is not an object: %j', (input) => {
		expect(validatePledge(input)).toEqual({ success: false, errors: { body: 'type' } });
	});

	it('reports every bad field at once', () => {
		const result = validatePledge({ government: '', country: '', title: '<b>x</b>', url: 'ftp://x' });
		expect(result).toEqual({ success: false, errors: { government: 'required', country: 'required', title: 'markup', url: 'url' } });
	});
});
