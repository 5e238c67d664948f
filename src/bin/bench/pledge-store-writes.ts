// The pledge store alone, without HTTP: how many durable writes per second group commit reaches with
// 1, 4 and 16 concurrent writers, and how many writes share each commit (each commit is one fsync).
// Run by parts/pledge-writes.js as `node --experimental-strip-types`, on a fresh file.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../lib/server/store/sqlite/index.ts';

const file = join(tmpdir(), `imrf-bench-store-${process.pid}.db`);
const store = openSqliteStore(file);
const actor = { id: 'bench', email: 'bench@example.org' };
let commits = 0;
store.changes.subscribe(() => commits++);

for (const writers of [1, 4, 16]) {
	commits = 0;
	let writes = 0;
	const started = performance.now();
	const until = started + 2000;
	await Promise.all(
		Array.from({ length: writers }, async () => {
			while (performance.now() < until) {
				await store.addOnce({ government: 'City', country: 'UG', title: `Pledge ${writes}`, compacts: ['GCM'] }, actor);
				writes++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	console.log(`store alone, ${String(writers).padStart(2)} writer(s): ${(writes / seconds).toFixed(0)} durable writes/s, ${(writes / commits).toFixed(1)} writes per commit`);
}
await store.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
