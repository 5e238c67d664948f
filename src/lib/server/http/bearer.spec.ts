import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { SESSION_COOKIE } from '$lib/server/organizers/guard';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import type { Store } from '$lib/server/store/types';
import { checkBearer } from './bearer';
import { specEvent } from './spec-request';

const other = LANGUAGES.find((lang) => lang !== DEFAULT_LANGUAGE)!;
const dir = mkdtempSync(join(tmpdir(), 'imrf-bearer-'));
let store: Store;
let token: string;
let email: string;

beforeAll(async () => {
	store = openSqliteStore(join(dir, 'site.db'));
	const added = await store.organizers.add('bearer@example.org');
	token = added.token;
	email = added.organizer.email;
});

afterAll(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

const check = (headers: Record<string, string>, cookies: Record<string, string> = {}, routeId = '/api/pledges') =>
	checkBearer(specEvent({ routeId, headers, cookies, store }), ['organizer']);

async function refusal(result: Awaited<ReturnType<typeof check>>) {
	if (result.ok) throw new Error('the token was taken');
	return { status: result.response.status, authenticate: result.response.headers.get('www-authenticate'), body: await result.response.json() };
}

describe('the bearer check', () => {
	it('lets an organizer’s token through, with the organizer and the role it was taken for', async () => {
		const result = await check({ authorization: `bearer  ${token} ` });
		expect(result).toMatchObject({ ok: true, role: 'organizer', organizer: { email } });
	});

	it('answers 401 without a token, naming the API’s part as the realm, in the request’s language', async () => {
		const t = await translatorFor(other);
		expect(await refusal(await check({ 'accept-language': other }))).toEqual({
			status: 401,
			authenticate: 'Bearer realm="pledges"',
			body: { error: 'unauthorized', message: t('common:api.tokenRequired.organizer') }
		});
		expect((await refusal(await check({}, {}, '/api/questions/[id]'))).authenticate).toBe('Bearer realm="questions"');
	});

	it('answers 401 invalid_token for a token no organizer holds, or a scheme that is not Bearer', async () => {
		const t = await translatorFor(DEFAULT_LANGUAGE);
		expect(await refusal(await check({ authorization: `Bearer ${token}x` }))).toEqual({
			status: 401,
			authenticate: 'Bearer realm="pledges", error="invalid_token"',
			body: { error: 'unauthorized', message: t('common:api.tokenInvalid') }
		});
		expect((await refusal(await check({ authorization: `Basic ${token}` }))).authenticate).toBe('Bearer realm="pledges"');
	});

	it('answers 403 to a console session cookie sent instead of a token', async () => {
		const t = await translatorFor(DEFAULT_LANGUAGE);
		expect(await refusal(await check({}, { [SESSION_COOKIE]: 'a-session' }))).toEqual({
			status: 403,
			authenticate: null,
			body: { error: 'forbidden', message: t('common:api.sessionIsNoToken') }
		});
	});

	it('takes a captioner’s token where a route takes captioners, and never as an organizer’s', async () => {
		const { token: captionerToken, captioner } = await store.captioners.add('captioner@example.org');
		const headers = { authorization: `Bearer ${captionerToken}` };
		const asCaptioner = await checkBearer(specEvent({ routeId: '/api/captions', headers, store }), ['captioner', 'organizer']);
		expect(asCaptioner).toMatchObject({ ok: true, role: 'captioner', captioner: { email: captioner.email } });
		expect((await refusal(await check(headers))).status).toBe(401);
		const organizerOnCaptions = await checkBearer(specEvent({ routeId: '/api/captions', headers: { authorization: `Bearer ${token}` }, store }), ['captioner', 'organizer']);
		expect(organizerOnCaptions).toMatchObject({ ok: true, role: 'organizer', organizer: { email } });
	});
});
