// @ts-check
import compression from 'compression';

/**
 * Rendered pages, JSON, CSV and SVG compressed for the client that accepts it (the pledge list with its
 * world map is ~150 KB of HTML, ~25 KB gzipped: what a phone on a weak signal waits for). Static files
 * come precompressed from adapter-node and keep their encoding; an event stream is never compressed,
 * since a compressor holds back bytes the viewer must get at once.
 */
export const compress = compression({
	filter: (req, res) => !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res)
});
