// @ts-check
// Scale-out: the site on PostgreSQL behind nginx (round robin, no sticky sessions, proxy_buffering
// off), 1 instance against 2 and 3 at the same total of viewers (3,000, 6,000, 9,000), in one run:
// time from a pledge's acknowledgement to its arrival at every viewer (p50/p99), memory per viewer
// (all instances' RSS), durable writes per second through nginx, and each figure's ratio to one
// instance at the same total. Goal (issue 13): p99 with 3 instances within 1.5× of one instance.
// Needs nginx (Debian's `nginx-light` or `nginx`) and PostgreSQL's binaries (a throwaway cluster).
import { cpus, loadavg } from 'node:os';
import { createDatabase, startThrowawayPostgres } from '../../throwaway-postgres.js';
import { nginxBinary, startNginx } from '../nginx.js';
import { startServer } from '../server.js';
import { arrivalFigures, arrivals, closeGenerators, generator, openStreams, organizerToken, sleep } from '../stream-load.js';

export const name = 'scale-out: 1 vs 2 vs 3 instances on PostgreSQL behind nginx, same total viewers';

const TOTALS = (process.env.BENCH_SCALE_TOTALS ?? '3000,6000,9000').split(',').map(Number);
const INSTANCES = (process.env.BENCH_SCALE_INSTANCES ?? '1,2,3').split(',').map(Number);
const PLEDGES = Number(process.env.BENCH_SCALE_PLEDGES ?? 10);
// Rounds over every configuration in turn, so a spell of load from elsewhere on a shared machine
// falls on each configuration alike; the figures are each configuration's median over the rounds.
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 3);
const GENERATORS = 2;

/** nginx in front of the instances, as README "Running several instances" configures it. @param {number[]} ports */
function startProxy(ports) {
	return startNginx({
		// Two connections per viewer: the viewer's and the one to its instance.
		connections: 2 * Math.max(...TOTALS),
		http: `upstream site { ${ports.map((p) => `server 127.0.0.1:${p};`).join(' ')} }`,
		server: `
		location = /api/pledges/stream {
			proxy_pass http://site;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_buffering off;
			proxy_read_timeout 1h;
		}
		location / {
			proxy_pass http://site;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
		}`
	});
}

/** One configuration: `instances` servers on a fresh database, `total` viewers through nginx. @param {string} adminUrl @param {number} instances @param {number} total */
async function measure(adminUrl, instances, total) {
	const databaseUrl = await createDatabase(adminUrl, 'imrf_bench');
	const token = organizerToken(databaseUrl);
	const servers = [];
	// Every viewer comes through nginx from one address: lift the per-address stream cap (a real proxy forwards each viewer's).
	for (let i = 0; i < instances; i++) servers.push(await startServer({ env: { DATABASE_URL: databaseUrl, STREAM_LIMIT_PER_ADDRESS: '100000' } }));
	const proxy = await startProxy(servers.map((server) => Number(new URL(server.origin).port)));
	const generators = Array.from({ length: GENERATORS }, generator);
	let count = 0;
	/** @param {string} title */
	const record = async (title) => {
		const response = await fetch(`${proxy.origin}/api/pledges`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'] })
		});
		if (response.status !== 201) throw new Error(`POST /api/pledges answered ${response.status}`);
		await response.arrayBuffer();
	};
	try {
		await Promise.all(generators.map((g) => g.ready));
		await record('warm-up');
		count += 1;
		for (const server of servers) await fetch(`${server.origin}/api/pledges/stream`).then((r) => r.body?.cancel());
		await sleep(500);
		const baseline = servers.reduce((sum, server) => sum + server.rssBytes(), 0);
		const { held } = await openStreams(generators, total, { host: '127.0.0.1', port: proxy.port });
		await sleep(1_000);
		const perViewer = (servers.reduce((sum, server) => sum + server.rssBytes(), 0) - baseline) / held;
		const figures = arrivalFigures();
		for (let i = 0; i < PLEDGES; i++) {
			count += 1;
			for (const delays of await arrivals(generators, `"count":${count},`, () => record(`scale ${instances}x${total} #${i}`))) figures.add(delays);
			await sleep(250);
		}
		await closeGenerators(generators);
		await sleep(1_000);
		// Durable writes through nginx, spread over the instances, no viewers attached.
		let writes = 0;
		let failures = 0;
		const until = performance.now() + 3_000;
		await Promise.all(
			Array.from({ length: 8 }, async (_, worker) => {
				while (performance.now() < until) {
					try {
						await record(`write ${worker}-${writes}`);
						writes += 1;
					} catch {
						failures += 1;
					}
				}
			})
		);
		if (failures > 0) console.log(`(${failures} writes not acknowledged through nginx)`);
		return { held, perViewer, p50: figures.percentile('each', 50), p99: figures.percentile('each', 99), allP99: figures.percentile('all', 99), lost: figures.lost, writesPerSecond: writes / 3 };
	} finally {
		for (const g of generators) if (g.child.exitCode === null) g.child.kill();
		await proxy.stop();
		for (const server of servers) await server.stop();
	}
}

export async function run() {
	if (!nginxBinary()) {
		console.log('nginx not found (apt-get install nginx-light): scale-out skipped');
		return;
	}
	const cluster = await startThrowawayPostgres();
	try {
		console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; a throwaway PostgreSQL cluster (fsync on), nginx round robin`);
		console.log(`${ROUNDS} rounds over every configuration in turn; figures are each configuration's median over the rounds`);
		/** @type {Map<string, Awaited<ReturnType<typeof measure>>[]>} */
		const results = new Map();
		for (let round = 1; round <= ROUNDS; round++) {
			for (const total of TOTALS) {
				for (const instances of INSTANCES) {
					const r = await measure(cluster.url, instances, total);
					results.set(`${total}/${instances}`, [...(results.get(`${total}/${instances}`) ?? []), r]);
					console.log(`round ${round}: ${total} viewers on ${instances} instance(s): p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, held ${r.held}, lost ${r.lost}`);
				}
			}
		}
		/** @param {number[]} values */
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
		console.log('viewers | instances | held | KiB per viewer | arrival p50 / p99 | every viewer p99 | lost | writes/s (8 writers) | p99 vs 1 instance');
		for (const total of TOTALS) {
			/** @type {number | undefined} */
			let single;
			for (const instances of INSTANCES) {
				const runs = results.get(`${total}/${instances}`) ?? [];
				const pick = (/** @type {(r: (typeof runs)[number]) => number} */ figure) => median(runs.map(figure));
				const r = { held: pick((x) => x.held), perViewer: pick((x) => x.perViewer), p50: pick((x) => x.p50), p99: pick((x) => x.p99), allP99: pick((x) => x.allP99), lost: runs.reduce((sum, x) => sum + x.lost, 0), writesPerSecond: pick((x) => x.writesPerSecond) };
				single ??= instances === 1 ? r.p99 : undefined;
				const ratio = single ? `${(r.p99 / single).toFixed(2)}×` : '–';
				console.log(
					`${String(total).padStart(7)} | ${String(instances).padStart(9)} | ${String(r.held).padStart(4)} | ${(r.perViewer / 1024).toFixed(1).padStart(14)} | ` +
						`${r.p50.toFixed(1)} / ${r.p99.toFixed(1)} ms | ${r.allP99.toFixed(1)} ms | ${r.lost} | ${r.writesPerSecond.toFixed(0)} | ${ratio}`
				);
			}
		}
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		await cluster.stop();
	}
}
