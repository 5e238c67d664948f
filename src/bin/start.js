// @ts-check
// `npm start`: build when the sources or the build-time settings changed since the last build,
// then serve. One command from a fresh clone to a running site.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_DOCUMENT_SETTING, eventDocumentFile } from '../lib/event/document-file.js';
import { defaultPublicOrigin } from './default-origin.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stampFile = join(root, 'build', '.source-hash');
const inputs = ['src', 'locales', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/** @param {string} path @param {import('node:crypto').Hash} hash */
function hashInto(path, hash) {
	if (!existsSync(path)) return;
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) hashInto(join(path, name), hash);
	} else {
		hash.update(path.slice(root.length)).update(readFileSync(path));
	}
}

function sourceHash() {
	const hash = createHash('sha256');
	for (const input of inputs) hashInto(join(root, input), hash);
	// Settings are baked into prerendered pages: a change of one is a change of the site.
	for (const [name, value] of Object.entries(process.env).filter(([name]) => name.startsWith('PUBLIC_') || name === 'SOURCE_DATE_EPOCH' || name === EVENT_DOCUMENT_SETTING).sort()) {
		hash.update(`${name}=${value}\n`);
	}
	// Another event's document may live outside the sources.
	hashInto(eventDocumentFile(process.env), hash);
	return hash.digest('hex');
}

// Only PORT set: the absolute addresses follow it (a change of PORT is then a change of the build).
defaultPublicOrigin(process.env, (line) => console.log(line));

const wanted = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built !== wanted || !existsSync(join(root, 'build', 'handler.js'))) {
	console.log('Building the site…');
	const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
	writeFileSync(stampFile, wanted);
}

await import('./serve.js');
