// @ts-check
/**
 * The client's address on a raw Node request, the way adapter-node determines it for SvelteKit
 * (`ADDRESS_HEADER`, `XFF_DEPTH`), for what src/bin/serve.js answers before SvelteKit (the stream).
 * Undefined when ADDRESS_HEADER is set but the request lacks it (it did not come through the proxy).
 * @param {import('node:http').IncomingMessage} request
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function nodeClientAddress(request, env = process.env) {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	if (!header) return request.socket.remoteAddress;
	const value = request.headers[header];
	const text = Array.isArray(value) ? value.join(',') : value;
	if (!text) return undefined;
	if (header !== 'x-forwarded-for') return text.trim() || undefined;
	const addresses = text.split(',').map((part) => part.trim());
	const depth = Number(env.XFF_DEPTH ?? 1);
	return addresses[addresses.length - depth] || undefined;
}
