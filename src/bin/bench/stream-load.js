// @ts-check
// What the stream bench parts share: forked load generators holding raw event-stream sockets
// (stream-clients.js, driven over IPC), an organizer's token from the organizers command, timing, percentiles.
import { execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;

/** @param {number[]} sorted @param {number} p */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** A new organizer's API token on the store `databaseUrl` names (a SQLite file or a postgres:// URL). @param {string} databaseUrl */
export function organizerToken(databaseUrl) {
	const output = execFileSync(
		process.execPath,
		['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add', `bench-${Date.now()}@example.org`],
		{ cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	const token = /^token: (\S+)$/m.exec(output)?.[1];
	if (!token) throw new Error('the organizers CLI printed no token');
	return token;
}

/** A forked load generator with a request/answer helper over IPC. */
export function generator() {
	const child = fork(fileURLToPath(new URL('./stream-clients.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	/** @param {string} type @returns {Promise<any>} */
	const next = (type) =>
		new Promise((resolve) => {
			/** @param {any} message */
			const listener = (message) => {
				if (message.type !== type) return;
				child.off('message', listener);
				resolve(message);
			};
			child.on('message', listener);
		});
	return { child, next, ready: next('ready') };
}
