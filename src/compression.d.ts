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
