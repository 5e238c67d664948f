import { get, type IncomingMessage } from 'node:http';

/** One raw GET (no client decompression), answered with its headers and the first bytes of its body. */
export function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const request = get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			const isStream = String(response.headers['content-type']).startsWith('text/event-stream');
			response.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				// A stream never ends: its first event is enough.
				if (isStream) {
					request.destroy();
					resolve({ response, body: Buffer.concat(chunks) });
				}
			});
			response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
		});
		request.on('error', reject);
	});
}
