// @ts-check
// Every connection costs a file descriptor, and so does every file a page needs: a server that
// runs out answers nobody. Raise the soft limit to the hard one where the system allows it, and
// report what the process can hold.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** This process's RLIMIT_NOFILE, soft and hard (undefined where /proc does not say). @returns {{ soft: number, hard: number } | undefined} */
export function readLimits() {
	try {
		const line = readFileSync('/proc/self/limits', 'utf8')
			.split('\n')
			.find((entry) => entry.startsWith('Max open files'));
		const [soft, hard] = (line?.slice('Max open files'.length).trim().split(/\s+/) ?? []).map((value) => (value === 'unlimited' ? Infinity : Number(value)));
		return Number.isFinite(soft) ? { soft, hard } : undefined;
	} catch {
		return undefined;
	}
}

/** The soft RLIMIT_NOFILE after raising it (Node has no setrlimit: util-linux's prlimit does it for us). */
export function raiseFileLimit() {
	const before = readLimits();
	if (!before) return undefined;
	const wanted = Math.min(before.hard, 1_048_576);
	if (wanted > before.soft) spawnSync('prlimit', [`--pid=${process.pid}`, `--nofile=${wanted}:${before.hard === Infinity ? 'unlimited' : before.hard}`], { stdio: 'ignore' });
	return readLimits()?.soft ?? before.soft;
}
