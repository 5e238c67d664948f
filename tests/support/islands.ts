import type { Page } from '@playwright/test';

/** Brings each island that waits for its first view (Island.svelte's hydrate="when-visible") into view, as a visitor scrolling down would. */
export async function scrollToDeferredIslands(page: Page): Promise<void> {
	for (const content of await page.locator('[data-hydrate="when-visible"] > *').all()) await content.scrollIntoViewIfNeeded();
}
