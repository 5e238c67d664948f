// @ts-check
import compression from 'compression';
import onHeaders from 'on-headers';

const compressor = compression({
	filter: (req, res) => !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res)
});

/**
 * Rendered pages, JSON, CSV and SVG compressed for the client that accepts it (the pledge list with its
 * world map is ~150 KB of HTML, ~25 KB gzipped: what a phone on a weak signal waits for). Static files
 * come precompressed from adapter-node and keep their encoding; an event stream is never compressed,
 * since a compressor holds back bytes the viewer must get at once.
 *
 * A compressed answer is another representation than the plain one (RFC 9110 8.8.3): where this
 * compresses an answer that has a strong entity tag (SvelteKit's pages, the open data), the tag is
 * sent weak, so that no cache takes one coding's bytes for the other's under one strong tag. A 304
 * echoes the weak form to the client that holds it. Every validator of the site compares weakly,
 * as If-None-Match does. Answers that come with their own coding (the kept pages, with a tag per
 * coding) are left as they are.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {(error?: unknown) => void} next
 */
export function compress(req, res, next) {
	let wasEncoded = false;
	// Registered first, so it runs last: after the compressor has chosen a coding (on-headers runs the latest first).
	onHeaders(res, () => {
		const etag = res.getHeader('etag');
		if (typeof etag !== 'string' || !etag.startsWith('"')) return;
		const isCompressedHere = !wasEncoded && res.hasHeader('content-encoding');
		const weak = `W/${etag}`;
		const isWeakHeld = res.statusCode === 304 && String(req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim() === weak);
		if (isCompressedHere || isWeakHeld) res.setHeader('etag', weak);
	});
	compressor(req, res, (error) => {
		// Runs before the compressor's own: whether the answer came encoded.
		onHeaders(res, () => void (wasEncoded = res.hasHeader('content-encoding')));
		next(error);
	});
}
