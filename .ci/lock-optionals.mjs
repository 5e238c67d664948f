// npm's registry mirror here lacks some Windows-only optional packages (e.g. Vite's
// napi-windows-process-start-time), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock as out of sync. This adds a lock entry for each such package,
// marked optional and win32-only, so that `npm ci` accepts the lock and skips it on Linux.
// Run: node .ci/lock-optionals.mjs (idempotent; .ci/run calls it before `npm ci`).
import { readFileSync, writeFileSync } from 'node:fs';

const unavailable = { 'napi-windows-process-start-time': { version: '0.1.0', os: ['win32'] } };

const file = new URL('../package-lock.json', import.meta.url);
const text = readFileSync(file, 'utf8');
const lock = JSON.parse(text);
// npm indents the lock like package.json (tabs here): keep whatever the file uses.
const indent = /^\{\n([ \t]+)"/.exec(text)?.[1] ?? '\t';
const wanted = new Set(
	Object.values(lock.packages).flatMap((entry) => Object.keys(entry.optionalDependencies ?? {})),
);
let added = 0;
for (const [name, pin] of Object.entries(unavailable)) {
	const key = `node_modules/${name}`;
	if (!wanted.has(name) || lock.packages[key]) continue;
	lock.packages[key] = { version: pin.version, dev: true, license: 'MIT', optional: true, os: pin.os };
	added++;
}
if (added > 0) {
	const [root, ...rest] = Object.keys(lock.packages);
	rest.sort((a, b) => a.localeCompare(b, 'en'));
	lock.packages = Object.fromEntries([root, ...rest].map((key) => [key, lock.packages[key]]));
	writeFileSync(file, `${JSON.stringify(lock, null, indent)}\n`);
}
console.log(`lock-optionals: ${added} entr${added === 1 ? 'y' : 'ies'} added`);
