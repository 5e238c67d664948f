// @ts-check
import { existsSync } from 'node:fs';

/**
 * The Chromium to drive where Playwright cannot download its own: CHROMIUM_PATH, or Debian's
 * /usr/bin/chromium when installed. `undefined` elsewhere, so Playwright uses its own browser.
 * @returns {string | undefined}
 */
export function chromiumPath() {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return existsSync(path) ? path : undefined;
}
