import { expect, test } from '@playwright/test';
import { scrollToDeferredIslands } from './support/islands';

// Prerendered pages, server-rendered pages, redirects and static files all take a different path
// through adapter-node: each must carry the headers.
for (const path of ['/en/', '/fr/', '/', '/nowhere', '/favicon.svg', '/healthz']) {
	test(`${path} carries the security headers`, async ({ request }) => {
		const response = await request.get(path, { maxRedirects: 0 });
		const headers = response.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['x-frame-options']).toBe('DENY');
	});
}

test.describe('with the offline cache', () => {
	// The configuration blocks service workers elsewhere; this page's own script installs one.
	test.use({ serviceWorkers: 'allow' });
	test('prerendered pages carry a script policy without unsafe-inline', async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		});
		await page.goto('/en/');
		const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		// Same-origin script files, and inline scripts only by their hash.
		const scriptSrc = policy?.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
		expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
		expect(policy).not.toContain('unsafe-inline');
		// The page's own script ran under that policy: it installed the offline cache.
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.waitForLoadState('networkidle');
		expect(violations).toEqual([]);
	});
});

// The live pages' islands write to the page after it loads: neither the server's markup nor their
// scripts may use what the policy refuses (an inline style attribute, an inline script).
for (const path of ['/en/live', '/en/live/questions']) {
	test(`${path} logs no Content Security Policy violation in a real browser`, async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		});
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
		});
		await page.goto(path);
		// Every island hydrated, so what their scripts write is judged too.
		await scrollToDeferredIslands(page);
		await expect(page.locator('[data-island]:not([data-hydrated]):not([data-island] *)')).toHaveCount(0, { timeout: 15_000 });
		await page.waitForLoadState('networkidle');
		expect(violations).toEqual([]);
	});
}
