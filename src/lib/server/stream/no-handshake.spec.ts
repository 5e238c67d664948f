import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The stream's endpoint reaches serve.js and `vite dev` by import (endpoint.ts), not through a
// symbol on globalThis: no source file may set up such a handshake again.
const handshake = ['Symbol', ".for('imrf."].join('');

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

describe('no globalThis handshake', () => {
	it(`no file under src/ (nor vite.config.ts) uses ${handshake}`, () => {
		const files = [...sources('src'), 'vite.config.ts', 'svelte.config.js'];
		expect(files.length).toBeGreaterThan(50);
		expect(files.filter((file) => readFileSync(file, 'utf8').includes(handshake))).toEqual([]);
	});
});
