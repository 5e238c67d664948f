// @ts-check
/**
 * The headers every response of the production server carries: src/bin/serve.js sets them on each
 * response, and the live stream's socket path (src/lib/server/stream/socket-path.ts), which answers
 * before serve.js's handler runs, on its own.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Record<string, string>}
 */
export function securityHeaders(env = process.env) {
	return {
		// Pages carry their full policy (a header from SvelteKit, or a <meta> when prerendered); a
		// <meta> cannot forbid framing, so this one always travels as a header. SvelteKit's own header
		// on server-rendered pages replaces it and includes the same frame-ancestors.
		'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
		'cross-origin-opener-policy': 'same-origin',
		...((env.PUBLIC_ORIGIN ?? '').startsWith('https://') ? { 'strict-transport-security': 'max-age=31536000' } : {})
	};
}
