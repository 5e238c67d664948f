import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { scrollToDeferredIslands } from './islands';
import { sharedOrganizer } from './organizers';

export const uniqueQuestion = (label: string) => `${label} ${randomUUID().slice(0, 8)}?`;

/** An organizer's API calls on the questions (`Authorization: Bearer`). */
export function questionsApi(origin: string, token: string) {
	const call = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${origin}${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
		return response.json();
	};
	return {
		setOpen: (open: boolean) => call('PUT', '/api/questions/open', { open }),
		moderate: (id: string, change: Record<string, unknown>) => call('PATCH', `/api/questions/${id}`, change),
		/** Every stored question's text, whatever its status. */
		async allTexts(): Promise<string[]> {
			const lists = await Promise.all(['pending', 'approved', 'answered', 'rejected'].map((status) => call('GET', `/api/questions?status=${status}`)));
			return lists.flatMap((list: { questions: { text: string }[] }) => list.questions.map((q) => q.text));
		},
		async idOf(text: string): Promise<string> {
			const { questions } = (await call('GET', '/api/questions?status=pending')) as { questions: { id: string; text: string }[] };
			const found = questions.find((q) => q.text === text);
			if (!found) throw new Error(`no pending question "${text}"`);
			return found.id;
		}
	};
}

/** A question asked as a viewer's browser does (JSON, same origin); its id. */
export async function askAsViewer(origin: string, text: string, lang = 'en', headers: Record<string, string> = {}): Promise<string> {
	const response = await fetch(`${origin}/api/questions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text, lang }) });
	if (response.status !== 202) throw new Error(`POST /api/questions answered ${response.status}: ${await response.text()}`);
	return ((await response.json()) as { id: string }).id;
}

/** Signs an organizer in to the console in `lang`; the organizer with its token. */
export async function signInToConsole(page: Page, lang: 'en' | 'fr') {
	const organizer = sharedOrganizer();
	const words = lang === 'en' ? { email: 'Email', password: 'Password', submit: 'Sign in' } : { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' };
	await page.goto(`/organizers?lang=${lang}`);
	await page.getByLabel(words.email).fill(organizer.email);
	await page.getByLabel(words.password).fill(organizer.password);
	await page.getByRole('button', { name: words.submit }).click();
	await expect(page.getByRole('button', { name: lang === 'en' ? 'Sign out' : 'Se déconnecter' })).toBeVisible();
	return organizer;
}

/** Marks the page, to prove later that it was not reloaded. */
export async function markPage(page: Page): Promise<void> {
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
}

export async function expectNotReloaded(page: Page): Promise<void> {
	expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
}

/** Waits until the page's islands have hydrated (the questions panel works without reloads only then). */
export async function waitForIslands(page: Page): Promise<void> {
	// The live page's panel comes to life when the visitor gets to it (hydrate="when-visible").
	await scrollToDeferredIslands(page);
	await expect(page.locator('[data-island="QuestionsPanel"][data-hydrated], [data-island="QuestionOnScreen"][data-hydrated]').first()).toBeAttached({ timeout: 15_000 });
}
