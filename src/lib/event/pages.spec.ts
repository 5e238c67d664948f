import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from './translator';
import { NAVIGATION_PAGES, PUBLIC_PAGES } from './pages';

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
		}
	});
});
