import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vitest/config';
import { DEFAULT_EVENT_DOCUMENT, eventDocumentFile } from './document-file.js';
import { checkEventDocument, describeIssues } from './schema.ts';

/**
 * The event's document in builds, the dev server and test runs: event.json, or the document
 * EVENT_DOCUMENT names in its place (another event is another document). Each time it is loaded it
 * is checked against the schema, and a problem stops the build with a message naming the field.
 */
export function eventDocument(env: Record<string, string | undefined> = process.env): Plugin {
	const file = eventDocumentFile(env);
	const isDocument = (id: string) => id.split('?')[0] === DEFAULT_EVENT_DOCUMENT;
	const name = file.startsWith(process.cwd()) ? relative(process.cwd(), file) : file;
	return {
		name: 'event-document',
		enforce: 'pre',
		load(id) {
			if (file === DEFAULT_EVENT_DOCUMENT || !isDocument(id)) return;
			this.addWatchFile(file);
			return readFileSync(file, 'utf8');
		},
		transform(code, id) {
			if (!isDocument(id)) return;
			let input: unknown;
			try {
				input = JSON.parse(code);
			} catch (error) {
				this.error(`${name} is not JSON: ${(error as Error).message}`);
			}
			const { issues } = checkEventDocument(input);
			if (issues.length) this.error(describeIssues(name, issues));
		},
		// Vitest keeps transformed modules between runs, keyed by the files' own text: the document in use is part of the key.
		configureVitest({ defineCacheKeyGenerator }) {
			defineCacheKeyGenerator(({ id }) => (isDocument(id) ? readFileSync(file, 'utf8') : ''));
		}
	};
}
