import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The package's main export is the path of vnu.jar (a String object).
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
	type: string;
	subType?: string;
	url?: string;
	message: string;
	extract?: string;
	lastLine?: number;
}

/**
 * The W3C Nu validator (vnu-jar, Java) over many documents in one run: one JVM for all, since each
 * start costs seconds on a busy machine. `documents` maps a name (the page's path) to its HTML;
 * the answer is every error, each named by its page.
 */
export async function validateHtml(documents: Record<string, string>): Promise<string[]> {
	const folder = mkdtempSync(join(tmpdir(), 'imrf-vnu-'));
	try {
		const files = Object.entries(documents).map(([name, html], index) => {
			const file = join(folder, `${String(index).padStart(3, '0')}-${name.replace(/[^\w.-]+/g, '_')}.html`);
			writeFileSync(file, html);
			return file;
		});
		// vnu exits 1 when it finds errors; its JSON report is on stderr either way.
		const { stderr } = await promisify(execFile)('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
			(error: { stderr?: string; code?: unknown }) => {
				if (error.code === 'ENOENT') throw new Error('the Nu validator needs Java: install it (Debian: default-jre-headless)');
				if (!error.stderr?.trim().startsWith('{')) throw error;
				return { stderr: error.stderr };
			}
		);
		const { messages } = JSON.parse(stderr) as { messages: NuMessage[] };
		const nameOf = (url = '') => Object.keys(documents)[Number(/\/(\d{3})-[^/]*$/.exec(url)?.[1])] ?? url;
		return messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${nameOf(m.url)}:${m.lastLine ?? '?'}: ${m.message} [${m.extract?.trim() ?? ''}]`);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
