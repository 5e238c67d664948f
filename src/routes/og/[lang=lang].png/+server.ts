import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { OG_WIDTH, shareCardSvg } from '$lib/server/images/og-image';
import { pngResponse, renderPng } from '$lib/server/images/render-png';
import { shareCardText } from '$lib/share/share-card';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));

export const GET: RequestHandler = async ({ params }) => {
	const lang = params.lang as Language;
	const svg = shareCardSvg(shareCardText(lang, await translatorFor(lang)));
	return pngResponse(await renderPng(svg, OG_WIDTH));
};
