import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownServer } from './support/server-process';
import { matching, t } from './support/words';

// What someone trying the site for the first time meets: its addresses, its log, its API's words.

test('with only PORT set, absolute addresses follow the port the site was started on', async ({ request, baseURL }) => {
	// The shared test server is started as a newcomer would: PORT, and no PUBLIC_ORIGIN.
	const sitemap = await (await request.get('/sitemap.xml')).text();
	expect(sitemap).toContain(`<loc>${new URL('/en/', baseURL).href}</loc>`);
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toContain(`Sitemap: ${new URL('/sitemap.xml', baseURL).href}`);
});

test('an unknown address is answered 404 without a stack trace in the log', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-404-log-'));
	const server = await ownServer(join(dir, 'site.db'), { stderr: 'pipe', stdout: 'pipe' });
	let log = '';
	for (const output of [server.child.stdout, server.child.stderr]) output?.on('data', (chunk) => (log += chunk));
	try {
		for (const path of ['/en/no-such-page', '/no-such-page', '/api/no-such-thing']) {
			expect((await fetch(`${server.origin}${path}`)).status).toBe(404);
		}
		// One more request, answered after the 404s: whatever they wrote is in the log by then.
		expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
		// Neither a stack nor a line at pino's error level (50): the request lines (level 30) say 404.
		expect(log).not.toMatch(/Error|\n\s+at |"level":50/);
		expect(log).toMatch(/"status":404/);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

for (const lang of ['en', 'fr'] as const) {
	test(`the API answers in the request's language (${lang}): a body that is not JSON, an unknown address, an unknown topic`, async ({ request, baseURL }) => {
		const headers = { 'accept-language': lang };
		// fetch, not Playwright's request: that one would encode the broken text as a JSON string.
		const notJson = await fetch(`${baseURL}/api/questions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{not json' });
		expect(notJson.status).toBe(400);
		expect(await notJson.json()).toEqual({ error: 'invalid-json', message: t[lang]('common:api.invalidJson') });

		const unknown = await request.get('/api/no-such-thing', { headers });
		expect(unknown.status()).toBe(404);
		expect(unknown.headers()['content-type']).toContain('application/json');
		expect(await unknown.json()).toEqual({ error: 'not-found', message: t[lang]('common:api.notFound') });

		const topic = await request.get('/api/live?topics=no-such-topic', { headers });
		expect(topic.status()).toBe(400);
		expect((await topic.text()).trim()).toMatch(matching(t[lang], 'common:api.stream.unknownTopic', { topics: '.+' }));

		const moderation = await request.get('/api/live?topics=moderation', { headers });
		expect(moderation.status()).toBe(403);
		expect((await moderation.text()).trim()).toBe(t[lang]('common:api.stream.organizersOnly'));
	});
}
