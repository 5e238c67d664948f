import { createHash } from 'node:crypto';
import { version } from '$app/environment';
import type { Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { Pledge } from '$lib/pledges/types';
import { isNotModified } from '$lib/server/pledges/open-data';
import { pledgeCardText } from '$lib/share/pledge-card';
import { OG_WIDTH, pledgeCardSvg } from './og-image';
import { drawingFonts, renderPng } from './render-png';

// Shared caches may keep a card ten minutes (a shared pledge's page can draw many crawlers at once);
// then the validators, tied to the pledge's last change and the build, make a check cheap.
const CACHE_CONTROL = 'public, max-age=600';
// Drawing takes a few hundred milliseconds of CPU: the last cards drawn are kept, by ETag (a changed
// pledge has a new one), so that a much-shared pledge is drawn once per process.
const KEPT = 64;
const drawn = new Map<string, Uint8Array>();

async function draw(etag: string, pledge: Pledge, lang: Language): Promise<Uint8Array> {
	const kept = drawn.get(etag);
	if (kept) return kept;
	const text = pledgeCardText(pledge, lang, await translatorFor(lang));
	const png = await renderPng(pledgeCardSvg(text, await drawingFonts()), OG_WIDTH);
	drawn.set(etag, png);
	if (drawn.size > KEPT) drawn.delete(drawn.keys().next().value!);
	return png;
}

/** One pledge's share card as a PNG, or `304` when the client's copy is current. */
export async function pledgeCardResponse(pledge: Pledge, lang: Language, request: Request): Promise<Response> {
	const etag = `"${createHash('sha256').update(`${version}\n${lang}\n${pledge.id}\n${pledge.updatedAt}`).digest('base64url').slice(0, 27)}"`;
	const lastModified = new Date(pledge.updatedAt).toUTCString();
	const headers = { etag, 'last-modified': lastModified, 'cache-control': CACHE_CONTROL };
	if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
	const png = await draw(etag, pledge, lang);
	return new Response(png as BodyInit, { headers: { ...headers, 'content-type': 'image/png' } });
}
