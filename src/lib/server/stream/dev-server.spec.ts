import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_HEADERS } from './sse';

// `vite dev` with the project's own config, on a free port and a fresh SQLite file: the stream comes
// from its SvelteKit route (src/routes/api/pledges/stream/+server.ts), written on the raw response as
// in production (src/lib/server/stream/stream-response.ts). tests/live-stream-servers.test.ts does the same under `vite preview`.
describe('vite dev serves /api/pledges/stream', () => {
	let server: ViteDevServer;
	let origin: string;
	const folder = mkdtempSync(join(tmpdir(), 'imrf-dev-stream-'));

	beforeAll(async () => {
		process.env.DATABASE_URL = join(folder, 'dev.db');
		server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
		await server.listen();
		const address = server.httpServer!.address();
		if (!address || typeof address === 'string') throw new Error('the dev server has no port');
		origin = `http://127.0.0.1:${address.port}`;
		// The dev server loads the app on its first request, as a browser's first page would make it:
		// only requests that arrive after that reach Node's response (src/lib/server/stream/node-exchange.ts).
		await fetch(`${origin}/healthz`);
	}, 120_000);

	afterAll(async () => {
		await server?.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('answers with the production headers and a first count event', async () => {
		const response = await new Promise<IncomingMessage>((resolve, reject) => get(`${origin}/api/pledges/stream`, resolve).on('error', reject));
		let text = '';
		response.setEncoding('utf8');
		await new Promise<void>((resolve, reject) => {
			response.on('data', (chunk: string) => {
				text += chunk;
				if (/event: count\ndata: .*\n\n/.test(text)) resolve();
			});
			response.on('end', () => reject(new Error(`the stream ended: ${text}`)));
		});
		response.destroy();
		expect(response.statusCode).toBe(200);
		for (const [name, value] of Object.entries(STREAM_HEADERS)) expect(response.headers[name]).toBe(value);
		// The raw-response endpoint: no chunked encoding, the body runs until the connection closes.
		expect(response.headers['transfer-encoding']).toBeUndefined();
		expect(response.headers.connection).toBe('close');
		const data = JSON.parse(/event: count\ndata: (.*)\n\n/.exec(text)![1]) as { count: number };
		expect(data.count).toBe(0);
	}, 120_000);
});
