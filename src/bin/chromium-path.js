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

/**
 * The browser the tests drive: Debian's headless shell (`chromium-headless-shell`, the same engine
 * without the desktop browser's GPU process and window machinery; Playwright's own default for
 * headless runs), since it costs about half the CPU on a two-core machine: CHROMIUM_HEADLESS_SHELL_PATH,
 * else /usr/bin/chromium-headless-shell when installed; else `chromiumPath()`.
 * @returns {string | undefined}
 */
export function testBrowserPath() {
	const shell = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';
	return existsSync(shell) ? shell : chromiumPath();
}
