// @ts-check
// The server's log: one JSON line per request (src/bin/serve.js) and per notable event (start,
// migration, store fault, shutdown), through pino, on standard output. Nothing secret goes in: no
// header or body is logged, fields named like secrets are censored, paths lose their query values
// and anything that looks like a token, and the client's address is a keyed hash (the key is this
// process's own, so the hash links one client's requests without naming it).
import { createHmac, randomBytes } from 'node:crypto';
import pino from 'pino';
import { prettyDestination } from './pretty.js';

const SECRET_FIELDS = ['password', 'token', 'cookie', 'authorization', 'secret', 'url', '*.password', '*.token', '*.cookie', '*.authorization', '*.secret'];

export const logger = pino(
	{
		level: process.env.LOG_LEVEL ?? 'info',
		base: { pid: process.pid },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: { paths: SECRET_FIELDS, censor: '[redacted]' }
	},
	process.env.LOG_FORMAT === 'pretty' ? prettyDestination(process.stdout) : pino.destination(1)
);

const addressKey = randomBytes(32);

// Tags of the addresses seen lately: an HMAC per request was a tenth of a write's CPU. Bounded; forgotten all at once when full.
const MAX_KNOWN_TAGS = 10_000;
/** @type {Map<string, string>} */
const knownTags = new Map();

/** The client's address as 12 hex digits of a keyed hash: the same client, the same value, in this process only. @param {string | undefined} address */
export function clientTag(address) {
	if (!address) return undefined;
	let tag = knownTags.get(address);
	if (tag === undefined) {
		tag = createHmac('sha256', addressKey).update(address).digest('hex').slice(0, 12);
		if (knownTags.size >= MAX_KNOWN_TAGS) knownTags.clear();
		knownTags.set(address, tag);
	}
	return tag;
}

// A path segment that may be a secret (an invitation's or a reset's token): long, URL-safe, not a UUID.
const SECRET_SEGMENT = /^[A-Za-z0-9_~.-]{20,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request's path as it may be logged: tokens in it masked, query values dropped (names kept). @param {string | undefined} url */
export function loggablePath(url) {
	const parsed = new URL(url?.startsWith('/') ? url : '/', 'http://localhost');
	const path = parsed.pathname
		.split('/')
		.map((segment) => (SECRET_SEGMENT.test(segment) && !UUID.test(segment) ? '[redacted]' : segment))
		.join('/');
	const names = [...new Set(parsed.searchParams.keys())];
	return names.length > 0 ? `${path}?${names.map((name) => `${name}=…`).join('&')}` : path;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A proxy's X-Request-Id when it is a plain one, else a new id. @param {string | string[] | undefined} given */
export function requestId(given) {
	return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomBytes(12).toString('base64url');
}
