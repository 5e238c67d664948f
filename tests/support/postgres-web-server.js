// @ts-check
// Playwright's second web server: the built site (src/bin/serve.js), on PostgreSQL. The database is
// E2E_POSTGRES_DATABASE on E2E_POSTGRES_SERVER (a URL, or `throwaway:<port>` for a cluster started
// here on that port); both go away with this process (SIGTERM). Set by playwright.config.ts.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createDatabase, startThrowawayPostgres } from '../../src/bin/throwaway-postgres.js';

const name = /** @type {string} */ (process.env.E2E_POSTGRES_DATABASE);
const postgresServer = /** @type {string} */ (process.env.E2E_POSTGRES_SERVER);
const cluster = postgresServer.startsWith('throwaway:') ? await startThrowawayPostgres({ port: Number(postgresServer.slice('throwaway:'.length)), durable: false }) : undefined;
const databaseUrl = await createDatabase(cluster?.url ?? postgresServer, 'imrf_e2e', name);

// serve.js, not start.js: the first web server has built the site, and a second build under it would break it.
const server = spawn(process.execPath, ['src/bin/serve.js'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'inherit' });
let isStopping = false;
async function stop() {
	if (isStopping) return;
	isStopping = true;
	if (server.exitCode === null) {
		server.kill('SIGTERM');
		await once(server, 'exit');
	}
	await cluster?.stop();
	process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', () => void stop());
