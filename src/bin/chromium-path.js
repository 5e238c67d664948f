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
 * headless runs) when installed, since it costs about half the CPU on a two-core machine; else
 * `chromiumPath()`. CHROMIUM_PATH, when set, wins.
 * @returns {string | undefined}
 */
export function testBrowserPath() {
	const shell = '/usr/bin/chromium-headless-shell';
	if (!process.env.CHROMIUM_PATH && existsSync(shell)) return shell;
	return chromiumPath();
}
