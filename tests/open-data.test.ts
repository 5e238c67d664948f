import { expect, test } from '@playwright/test';
import { parseCsv } from '../src/lib/pledges/csv';
import { EventStreamClient } from './support/event-stream';
import { sharedOrganizer, uniqueTitle } from './support/organizers';

// Other tests in this file add pledges, which change the ETags: one at a time.
test.describe.configure({ mode: 'serial' });

let organizer: ReturnType<typeof sharedOrganizer>;
test.beforeAll(() => {
	organizer = sharedOrganizer();
});
const auth = () => ({ authorization: `Bearer ${organizer.token}` });
const pledge = (title: string, government = 'Ville de Montréal') => ({ government, country: 'CA', title, compacts: ['GCM'] });

test('the CSV is UTF-8 with a BOM, an attachment, and its accents survive parsing back', async ({ request }) => {
	const title = uniqueTitle('Accueil des réfugiés à Montréal');
	expect((await request.post('/api/pledges', { headers: auth(), data: pledge(title) })).status()).toBe(201);
	const response = await request.get('/api/pledges.csv');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"$/);
	const bytes = await response.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const parsed = parseCsv(bytes.toString('utf8'));
	if ('problem' in parsed) throw new Error(parsed.problem);
	const [header, ...rows] = parsed.records;
	// Columns added since are appended: these keep their places.
	expect(header.slice(0, 10)).toEqual(['id', 'government', 'country', 'title', 'description', 'compacts', 'url', 'status', 'createdAt', 'lastReportAt']);
	const row = rows.find((cells) => cells[3] === title);
	expect(row?.[1]).toBe('Ville de Montréal');
});

test('CSV cells that a spreadsheet would run as formulas are neutralised', async ({ request }) => {
	const title = `=HYPERLINK("http://example.org","${uniqueTitle('x')}")`;
	expect((await request.post('/api/pledges', { headers: auth(), data: pledge(title, '@SUM(1+1)') })).status()).toBe(201);
	const parsed = parseCsv(await (await request.get('/api/pledges.csv')).text());
	if ('problem' in parsed) throw new Error(parsed.problem);
	const row = parsed.records.find((cells) => cells[3] === `'${title}`);
	expect(row?.[1]).toBe(`'@SUM(1+1)`);
});

for (const path of ['/api/pledges', '/api/pledges.csv']) {
	test(`${path} answers 304 to a current ETag or date and a new ETag after a new pledge`, async ({ request }) => {
		const first = await request.get(path);
		const etag = first.headers()['etag'];
		const lastModified = first.headers()['last-modified'];
		expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
		expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
		expect((await request.get(path, { headers: { 'if-none-match': etag } })).status()).toBe(304);
		expect((await request.get(path, { headers: { 'if-modified-since': lastModified } })).status()).toBe(304);
		expect((await request.get(`${path}${path.endsWith('.csv') ? '?x=1' : '?limit=5'}`, { headers: { 'if-none-match': etag } })).status()).toBe(200);
		expect((await request.post('/api/pledges', { headers: auth(), data: pledge(uniqueTitle('new')) })).status()).toBe(201);
		const after = await request.get(path, { headers: { 'if-none-match': etag } });
		expect(after.status()).toBe(200);
		expect(after.headers()['etag']).not.toBe(etag);
	});

	test(`${path} may be read from any origin`, async ({ request }) => {
		expect((await request.get(path)).headers()['access-control-allow-origin']).toBe('*');
	});
}

test('the live pledge stream may be followed from any origin', async ({ baseURL }) => {
	const stream = new EventStreamClient(`${baseURL}/api/pledges/stream`, { origin: 'https://elsewhere.example' });
	try {
		const response = await stream.response;
		expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
		expect(response.headers['access-control-allow-origin']).toBe('*');
	} finally {
		stream.close();
	}
});

test('the questions’ public state may be read from any origin, the moderators’ lists not', async ({ request }) => {
	const publicState = await request.get('/api/questions', { headers: { origin: 'https://elsewhere.example' } });
	expect(publicState.status()).toBe(200);
	expect(publicState.headers()['access-control-allow-origin']).toBe('*');
	const pending = await request.get('/api/questions?status=pending', { headers: { ...auth(), origin: 'https://elsewhere.example' } });
	expect(pending.status()).toBe(200);
	expect(pending.headers()['access-control-allow-origin']).toBeUndefined();
});

test('each page of /api/pledges has its own ETag, and a page answers 304 to its own', async ({ request }) => {
	for (let i = 0; i < 2; i++) expect((await request.post('/api/pledges', { headers: auth(), data: pledge(uniqueTitle('paged')) })).status()).toBe(201);
	const first = await request.get('/api/pledges?limit=1');
	const { nextCursor } = await first.json();
	const path = `/api/pledges?limit=1&cursor=${encodeURIComponent(nextCursor)}`;
	const second = await request.get(path);
	expect(second.status()).toBe(200);
	const etag = second.headers()['etag'];
	expect(etag).not.toBe(first.headers()['etag']);
	expect((await request.get(path, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	expect((await request.get('/api/pledges?limit=1', { headers: { 'if-none-match': etag } })).status()).toBe(200);
});

test('writes carry no CORS header and a preflight to them is not granted', async ({ request }) => {
	const created = await request.post('/api/pledges', { headers: { ...auth(), origin: 'https://elsewhere.example' }, data: pledge(uniqueTitle('w')) });
	expect(created.status()).toBe(201);
	expect(created.headers()['access-control-allow-origin']).toBeUndefined();
	const question = await request.post('/api/questions', { headers: { origin: 'https://elsewhere.example' }, data: { text: 'x' } });
	expect(question.headers()['access-control-allow-origin']).toBeUndefined();
	for (const path of ['/api/pledges', '/api/questions']) {
		const preflight = await request.fetch(path, {
			method: 'OPTIONS',
			headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' }
		});
		expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
		expect(preflight.headers()['access-control-allow-methods']).toBeUndefined();
	}
});
