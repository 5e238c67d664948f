import type { ShareCardText } from '$lib/share/share-card';
import { escapeXml, wrapText } from './svg-text';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

function lines(texts: string[], x: number, firstY: number, lineHeight: number, attributes: string): string {
	return texts.map((text, index) => `<text x="${x}" y="${firstY + index * lineHeight}" ${attributes}>${escapeXml(text)}</text>`).join('\n');
}

/** The Open Graph card (1200×630): title, subtitle, date, time and place of the event. */
export function shareCardSvg(card: ShareCardText): string {
	const margin = 72;
	const title = wrapText(card.title, 30, 2);
	const subtitle = wrapText(card.subtitle, 60, 3);
	const subtitleTop = 170 + title.length * 70;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">
<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#00406f"/>
<rect x="0" y="0" width="16" height="${OG_HEIGHT}" fill="#ffbf47"/>
${lines(wrapText(card.kind, 80, 1), margin, 100, 0, 'font-size="22" fill="#d6e9f8"')}
${lines(title, margin, 180, 70, 'font-size="60" font-weight="bold" fill="#ffffff"')}
${lines(subtitle, margin, subtitleTop, 42, 'font-size="32" fill="#ffffff"')}
${lines([`${card.date} · ${card.time}`, card.place], margin, 505, 44, 'font-size="30" font-weight="bold" fill="#ffbf47"')}
${lines([card.hashtags.map((tag) => `#${tag}`).join('  ')], margin, 595, 0, 'font-size="24" fill="#d6e9f8"')}
</svg>`;
}
