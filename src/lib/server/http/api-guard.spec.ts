import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { accessOfWrite, guardApiWrite } from './api-guard';
import { specEvent, SPEC_ORIGIN } from './spec-request';

const other = LANGUAGES.find((lang) => lang !== DEFAULT_LANGUAGE)!;

// Every API route and the methods it answers, read from the route files themselves.
const routeModules = import.meta.glob<Record<string, unknown>>('/src/routes/api/**/+server.ts', { eager: true });
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const apiWrites = Object.entries(routeModules).flatMap(([file, module]) => {
	const routeId = file.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '');
	return WRITE_METHODS.filter((method) => method in module).map((method) => ({ method, routeId }));
});
const PUBLIC_WRITES = ['POST /api/questions', 'POST /api/questions/[id]/vote', 'DELETE /api/questions/[id]/vote'];
const CAPTIONER_WRITES = ['POST /api/captions'];
const expectedAccess = (name: string) =>
	PUBLIC_WRITES.includes(name)
		? expect.objectContaining({ kind: 'public' })
		: CAPTIONER_WRITES.includes(name)
			? { kind: 'bearer', roles: ['captioner', 'organizer'] }
			: { kind: 'bearer', roles: ['organizer'] };

describe('who may write to the API', () => {
	it('is decided for every write route: anyone for asking and voting, a captioner’s or organizer’s token for captions, an organizer’s token for every other', () => {
		expect(apiWrites.length).toBeGreaterThan(PUBLIC_WRITES.length);
		for (const { method, routeId } of apiWrites) {
			const name = `${method} ${routeId}`;
			expect(accessOfWrite(method, routeId), name).toEqual(expectedAccess(name));
		}
		expect(apiWrites.map(({ method, routeId }) => `${method} ${routeId}`)).toEqual(expect.arrayContaining([...PUBLIC_WRITES, ...CAPTIONER_WRITES]));
	});

	it('closes a write route nobody listed, and methods a route does not answer', () => {
		expect(accessOfWrite('POST', '/api/some-new-route')).toEqual({ kind: 'bearer', roles: ['organizer'] });
		expect(accessOfWrite('PUT', '/api/questions')).toEqual({ kind: 'bearer', roles: ['organizer'] });
	});
});

describe('the guard of API writes', () => {
	it('lets reads and routes outside the API through', async () => {
		expect(await guardApiWrite(specEvent({ method: 'GET', routeId: '/api/pledges' }))).toBeUndefined();
		expect(await guardApiWrite(specEvent({ routeId: '/organizers' }))).toBeUndefined();
	});

	it('answers a form or text body with 415 JSON before anything else, from any origin', async () => {
		const t = await translatorFor(other);
		for (const origin of [SPEC_ORIGIN, 'https://attacker.example']) {
			const response = await guardApiWrite(specEvent({ routeId: '/api/questions', headers: { 'content-type': 'text/plain', origin, 'accept-language': other }, body: 'x' }));
			expect(response?.status).toBe(415);
			expect(await response?.json()).toEqual({ error: 'unsupported-media-type', message: t('common:api.jsonOnly') });
		}
	});

	it('refuses a public write from another site’s page with 403, in the language its body names', async () => {
		const t = await translatorFor(other);
		const body = JSON.stringify({ text: 'Why?', lang: other });
		const response = await guardApiWrite(specEvent({ routeId: '/api/questions', headers: { 'content-type': 'application/json', origin: 'https://attacker.example' }, body }));
		expect(response?.status).toBe(403);
		expect(await response?.json()).toEqual({ error: 'cross-site', message: t('questions:errors.crossSite') });
		const vote = await guardApiWrite(specEvent({ method: 'DELETE', routeId: '/api/questions/[id]/vote', headers: { 'sec-fetch-site': 'cross-site' } }));
		expect(vote?.status).toBe(403);
	});

	it('lets a public write from this site, or from a script, through without a token', async () => {
		expect(await guardApiWrite(specEvent({ routeId: '/api/questions/[id]/vote', headers: { origin: SPEC_ORIGIN } }))).toBeUndefined();
		expect(await guardApiWrite(specEvent({ routeId: '/api/questions/[id]/vote' }))).toBeUndefined();
	});

	it('refuses every other write without a token, OPTIONS and unknown routes included', async () => {
		for (const [method, routeId] of [['POST', '/api/pledges'], ['PUT', '/api/questions/open'], ['OPTIONS', '/api/pledges'], ['POST', '/api/some-new-route']]) {
			expect((await guardApiWrite(specEvent({ method, routeId })))?.status, `${method} ${routeId}`).toBe(401);
		}
	});
});
