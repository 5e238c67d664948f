import type { PledgeCardText } from '$lib/share/pledge-card';
import type { ShareCardText } from '$lib/share/share-card';
import type { FontMetrics } from './font-metrics';
import { svgLines as lines, wrapText } from './svg-text';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const MARGIN = 72;

/** The cards' ground: the site's blue with its yellow edge. */
function cardGround(content: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#00406f"/>
<rect x="0" y="0" width="16" height="${OG_HEIGHT}" fill="#ffbf47"/>
${content}
</svg>`;
}

const hashtagLine = (hashtags: readonly string[]) => hashtags.map((tag) => `#${tag}`).join('  ');

/** The Open Graph card (1200×630): title, subtitle, date, time and place of the event. */
export function shareCardSvg(card: ShareCardText): string {
	const margin = MARGIN;
	const title = wrapText(card.title, 30, 2);
	const subtitle = wrapText(card.subtitle, 60, 3);
	const subtitleTop = 170 + title.length * 70;
	return cardGround(`${lines(wrapText(card.kind, 80, 1), margin, 100, 0, 'font-size="22" fill="#d6e9f8"')}
${lines(title, margin, 180, 70, 'font-size="60" font-weight="bold" fill="#ffffff"')}
${lines(subtitle, margin, subtitleTop, 42, 'font-size="32" fill="#ffffff"')}
${lines([`${card.date} · ${card.time}`, card.place], margin, 505, 44, 'font-size="30" font-weight="bold" fill="#ffbf47"')}
${lines([hashtagLine(card.hashtags)], margin, 595, 0, 'font-size="24" fill="#d6e9f8"')}`);
}

/**
 * One pledge's card (1200×630), drawn like the event's: what kind of card, the pledge's title, the
 * government and its country. Any text fits: wrapped to the fonts' real widths, long words cut,
 * a long title ended with an ellipsis.
 */
export function pledgeCardSvg(text: PledgeCardText, fonts: { regular: FontMetrics; bold: FontMetrics }): string {
	const width = OG_WIDTH - 2 * MARGIN;
	const wrap = (value: string, font: FontMetrics, size: number, maxLines: number) => wrapText(value, width, maxLines, (part) => font.width(part, size));
	const title = wrap(text.title, fonts.bold, 54, 4);
	const government = wrap(text.government, fonts.bold, 34, 2);
	const governmentTop = 200 + title.length * 64 + 12;
	return cardGround(`${lines(wrap(text.kind, fonts.regular, 22, 1), MARGIN, 100, 0, 'font-size="22" fill="#d6e9f8"')}
${lines(title, MARGIN, 180, 64, 'font-size="54" font-weight="bold" fill="#ffffff"')}
${lines(government, MARGIN, governmentTop, 42, 'font-size="34" font-weight="bold" fill="#ffbf47"')}
${lines(wrap(text.country, fonts.regular, 30, 1), MARGIN, governmentTop + government.length * 42 + 4, 0, 'font-size="30" fill="#ffffff"')}
${lines(wrap(`${text.site} · ${hashtagLine(text.hashtags)}`, fonts.regular, 24, 1), MARGIN, 595, 0, 'font-size="24" fill="#d6e9f8"')}`);
}
