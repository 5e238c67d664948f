// @ts-check
// Plain JavaScript: the build's plugin (vite-plugin.ts), svelte.config.js and `npm start` find the event document the same way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The setting that names another event's document for a build: EVENT_DOCUMENT=tests/fixtures/geneva-2031.json. */
export const EVENT_DOCUMENT_SETTING = 'EVENT_DOCUMENT';

/** The event's own document, the one the code imports. */
export const DEFAULT_EVENT_DOCUMENT = fileURLToPath(new URL('./event.json', import.meta.url));

/**
 * The document a build with these settings uses: the one EVENT_DOCUMENT names (from the working folder), else event.json.
 * @param {Record<string, string | undefined>} env
 */
export function eventDocumentFile(env) {
	const named = env[EVENT_DOCUMENT_SETTING]?.trim();
	return named ? resolve(named) : DEFAULT_EVENT_DOCUMENT;
}

/**
 * The document as JSON, not yet checked (the build checks it when it starts).
 * @param {Record<string, string | undefined>} env
 * @returns {unknown}
 */
export function readEventDocument(env) {
	return JSON.parse(readFileSync(eventDocumentFile(env), 'utf8'));
}
