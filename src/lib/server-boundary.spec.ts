import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		return entry.isDirectory() ? filesUnder(path) : /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

// Where server-only code may be used: itself, server routes and hooks, the commands, and the
// declaration of the server's request locals.
const MAY_IMPORT_SERVER = [/^src\/lib\/server\//, /\+(page|layout)\.server\.ts$/, /\+server\.ts$/, /^src\/hooks\.server\.ts$/, /^src\/bin\//, /^src\/app\.d\.ts$/];

describe('src/lib/server/', () => {
	it('is imported by no shared or browser code', () => {
		const offenders = filesUnder(join(root, 'src'))
			.map((file) => relative(root, file))
			.filter((file) => !MAY_IMPORT_SERVER.some((pattern) => pattern.test(file)))
			.flatMap((file) =>
				[...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)]
					.map(([, target]) => target)
					.filter((target) => /(^\$lib\/server\/|\/server\/)/.test(target))
					.map((target) => `${file} → ${target}`)
			);
		expect(offenders).toEqual([]);
	});
});
