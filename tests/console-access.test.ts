import { expect, test } from '@playwright/test';
import { PORT } from '../playwright.config';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, uniqueTitle } from './support/organizers';
import { rawRequest } from './support/server-process';

// Every way of spelling a console address must meet the same rule as the plain one: without a
// session, no console page, data or form is served, whatever the spelling.
const secrets = { email: '', withdrawnTitle: '', pledgeId: '' };

test.beforeAll(async ({ request, baseURL }) => {
	const organizer = createOrganizer();
	secrets.email = organizer.email;
	secrets.withdrawnTitle = uniqueTitle('Withdrawn, never public');
	const { id } = await recordPledge(baseURL!, organizer.token, secrets.withdrawnTitle);
	secrets.pledgeId = id;
	const headers = { origin: baseURL!, accept: 'text/html' };
	const signedIn = await request.post('/organizers?/signIn', { headers, form: { email: organizer.email, password: organizer.password }, maxRedirects: 0 });
	expect(signedIn.status()).toBe(303);
	const withdrawn = await request.post('/organizers?/withdraw', { headers, form: { id }, maxRedirects: 0 });
	expect(withdrawn.status()).toBe(303);
});

const spellings = (plain: string) => {
	const [, first, ...rest] = plain.split('/');
	const tail = rest.length ? `/${rest.join('/')}` : '';
	return [
		plain,
		`/%6Frganizers${tail}`,
		`/%6frganizers${tail}`,
		`/%6F%72%67anizers${tail}`,
		`/%256Frganizers${tail}`,
		`/${first.toUpperCase()}${tail}`,
		`/Organizers${tail}`,
		`/${first}${tail.replace(/\//g, '%2F')}`,
		`/${first}${tail.replace(/\//g, '%252F')}`,
		`//${first}${tail}`,
		`/${first}/${tail}`,
		`/./${first}${tail}`,
		`/${first}/.${tail}`,
		`/en/../${first}${tail}`,
		`/x/%2E%2E/${first}${tail}`,
		`${plain}/`,
		`${plain}/__data.json`,
		`/%6Frganizers${tail}/__data.json`,
		`${plain}/__data.json?x-sveltekit-invalidated=11`,
		`${plain}?lang=fr`
	];
};

for (const page of ['/organizers/audit', '/organizers/import', '/organizers/pledges/{id}']) {
	test(`no spelling of ${page} shows it without a session`, async () => {
		for (const path of spellings(page.replace('{id}', secrets.pledgeId))) {
			const answer = await rawRequest(PORT, path, { headers: { accept: 'text/html' } });
			const shown = `${path} → ${answer.status}`;
			expect(answer.body, shown).not.toContain(secrets.email);
			expect(answer.body, shown).not.toContain(secrets.withdrawnTitle);
			// The import form and the correction form are organizers' forms.
			expect(answer.body, shown).not.toMatch(/action="\?\/(preview|import)"|name="government"/);
			expect([200, 303, 307, 308, 400, 403, 404], shown).toContain(answer.status);
			if (answer.status === 200) expect(answer.body, shown).toMatch(/"type":"redirect"|\?\/signIn/);
		}
	});
}

test('no spelling of a console form action works without a session', async ({ baseURL, request }) => {
	const title = uniqueTitle('Posted without a session');
	const headers = { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
	const body = new URLSearchParams({ government: 'Nowhere', country: 'UG', title }).toString();
	for (const path of ['/organizers?/add', '/%6Frganizers?/add', '/organizers/./?/add', '//organizers?/add', '/organizers/import?/import']) {
		const answer = await rawRequest(PORT, path, { method: 'POST', headers, body });
		expect([303, 308, 403, 404], `${path} → ${answer.status}`).toContain(answer.status);
	}
	const list = (await (await request.get('/api/pledges')).json()) as { pledges: { title: string }[] };
	expect(list.pledges.map((pledge) => pledge.title)).not.toContain(title);
});
