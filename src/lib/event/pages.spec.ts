import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from './translator';
import { event } from './event';
import { NAVIGATION_PAGES, PUBLIC_PAGES, navigationAt } from './pages';

describe('the public pages (the event document’s one list)', () => {
	it('each have a page route in every language', () => {
		// `+page.svelte`, or `+page@.svelte` for a page that leaves the site's layout (the room's screen).
		const hasPage = (folder: string) => existsSync(folder) && readdirSync(folder).some((name) => /^\+page(@[^.]*)?\.svelte$/.test(name));
		for (const path of PUBLIC_PAGES) expect(hasPage(join('src/routes/[lang=lang]', path)), path).toBe(true);
	});

	it('give the navigation its links, each with its words in every language', async () => {
		for (const lang of LANGUAGES) {
			const t = await translatorFor(lang);
			for (const { id } of NAVIGATION_PAGES) expect(t(`nav.${id}`), `${lang}: nav.${id}`).not.toBe(`nav.${id}`);
			for (const { navAfterEvent } of NAVIGATION_PAGES) if (navAfterEvent) expect(t(`nav.${navAfterEvent}`), `${lang}: nav.${navAfterEvent}`).not.toBe(`nav.${navAfterEvent}`);
		}
	});

	it('name each page by its id until the end, the same pages in the same order', () => {
		const lastInstant = new Date(event.end.getTime() - 1);
		for (const instant of [new Date(event.start.getTime() - 86_400_000), event.start, lastInstant]) {
			expect(navigationAt(instant)).toEqual(NAVIGATION_PAGES.map(({ id, path }) => ({ id, path, words: id })));
		}
	});

	it('from the end on, name a page by its after-event words where it has some (the live page: its recording)', () => {
		const renamed = NAVIGATION_PAGES.filter((page) => page.navAfterEvent);
		expect(renamed.map((page) => page.path)).toContain('/live');
		for (const instant of [event.end, new Date(event.end.getTime() + 4 * 365 * 86_400_000)]) {
			const links = navigationAt(instant);
			expect(links.map((link) => link.path)).toEqual(NAVIGATION_PAGES.map((page) => page.path));
			for (const page of NAVIGATION_PAGES) expect(links.find((link) => link.id === page.id)?.words).toBe(page.navAfterEvent ?? page.id);
		}
	});
});
