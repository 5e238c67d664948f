// The `compression` package works on Node's own request and response (it is express's, but needs only
// these): its types here, since @types/compression asks for express's Request.
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	type Filter = (req: IncomingMessage, res: ServerResponse) => boolean;
	interface Compression {
		(options?: { filter?: Filter; threshold?: number | string }): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
		filter: Filter;
	}
	const compression: Compression;
	export default compression;
}

// `on-headers` (compression's own dependency, used beside it in src/lib/server/http/compress.js).
declare module 'on-headers' {
	import type { ServerResponse } from 'node:http';
	export default function onHeaders(res: ServerResponse, listener: (this: ServerResponse) => void): void;
}
