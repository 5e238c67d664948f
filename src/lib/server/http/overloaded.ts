import type { RequestEvent } from '@sveltejs/kit';
import { translatorFor } from '$lib/event/translator';
import { languageOfPath, negotiateLanguage } from '$lib/i18n/languages';
import { escapeXml } from '$lib/server/images/svg-text';

/** Seconds a refused visitor is asked to wait: a few renderings' time. */
const RETRY_AFTER_SECONDS = 2;

/**
 * The answer when the server has too many pages to render at once: `503` (the server's state, not the
 * request's fault), when to come back, and why in the page's language; a few hundred bytes, nothing rendered.
 */
export async function overloadedAnswer(event: RequestEvent): Promise<Response> {
	const lang = languageOfPath(event.url.pathname) ?? negotiateLanguage(undefined, event.request.headers.get('accept-language'));
	const t = await translatorFor(lang);
	const [title, text] = [t('common:notFound.busyTitle'), t('common:notFound.busyText')].map(escapeXml);
	const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><h1>${title}</h1><p>${text}</p></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }
	});
}
