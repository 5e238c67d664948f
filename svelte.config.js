import { createHash } from 'node:crypto';
import adapter from '@sveltejs/adapter-node';
import { loadEnv } from 'vite';
import { failOnEmptyChunks } from './src/lib/build/empty-chunks.js';
import { readEventDocument } from './src/lib/event/document-file.js';
import { channelsOf } from './src/lib/livestream/channel-ids.js';
import { frameSources } from './src/lib/livestream/frame-sources.js';

// SvelteKit's route announcer carries this style attribute; allowing exactly it keeps
// style-src free of 'unsafe-inline'.
const announcerStyle =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

// Frames only from the livestream player the settings name (read as the build reads them: the
// environment, then .env files) for the channels of the event the build is for; none at all when no player is set.
const buildEnv = { ...loadEnv('production', process.cwd(), 'PUBLIC_'), ...process.env };
const { interpretation } = /** @type {{ interpretation: string[] }} */ (readEventDocument(buildEnv));
const playerOrigins = frameSources(buildEnv, channelsOf(interpretation));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// A build with an empty chunk fails (src/lib/build/empty-chunks.js): its cause is in the source.
		adapter: failOnEmptyChunks(adapter({ precompress: true })),
		alias: { $locales: 'locales' },
		csp: {
			// Hashes, never a nonce: a page kept per ledger version (src/lib/server/pledges/ledger-served.ts) is sent as the same
			// bytes to every visitor, compressed once; a nonce would change them on each request (and a kept one would be shared).
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-hashes', announcerHash],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-src': playerOrigins.length ? playerOrigins : ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// Styles travel inside each page (about 3 KB gzip): the first paint waits for no other request.
		inlineStyleThreshold: 16_384,
		// The cross-site form check runs in hooks.server.ts instead (src/lib/server/http/cross-site.ts),
		// after routing, so that the API answers it in JSON like every other API error.
		csrf: { trustedOrigins: ['*'] },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Registered by the pages' only script, /islands.js, once a page has loaded (src/lib/offline/register.ts).
		serviceWorker: { register: false }
	}
};

export default config;
