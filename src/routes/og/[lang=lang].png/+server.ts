import { event } from '$lib/event/event';
import { formatDate, formatTimeRange } from '$lib/i18n/format';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/i18n/translator';
import { OG_WIDTH, shareCardSvg } from '$lib/server/images/og-image';
import { pngResponse, renderPng } from '$lib/server/images/render-png';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));

export const GET: RequestHandler = async ({ params }) => {
	const lang = params.lang as Language;
	const t = await translatorFor(lang);
	const svg = shareCardSvg({
		kind: t('event:kind'),
		title: t('event:title'),
		subtitle: t('event:subtitle'),
		date: formatDate(event.start, lang),
		time: `${formatTimeRange(event.start, event.end, lang)} (${t('common:time.newYork')})`,
		place: `${t('event:when.placeName')}, ${t('event:when.city')}`,
		hashtags: event.hashtags
	});
	return pngResponse(await renderPng(svg, OG_WIDTH));
};
