import { dayInZone } from '$lib/i18n/format';
import type { Translate } from '$lib/i18n/words';
import type { Pledge } from '$lib/pledges/types';
import { escapeXml } from './svg-text';

/** What a pledge's badge shows: its status and its last report, and the sentence that names it. */
export interface BadgeText {
	label: string;
	value: string;
	/** The accessible name: the whole badge in one sentence. */
	name: string;
	tone: 'planned' | 'in-progress' | 'achieved' | 'stale';
}

// White text on each of these has a contrast of at least 4.5:1 (WCAG AA).
const TONES: Record<BadgeText['tone'], string> = { planned: '#4d4d4d', 'in-progress': '#0b5cad', achieved: '#1a7431', stale: '#8a4600' };

/** The badge's words in one language, the day of the last report in the event's zone. */
export function pledgeBadgeText(pledge: Pick<Pledge, 'title' | 'government' | 'status' | 'lastReportAt'>, isStale: boolean, t: Translate, timeZone: string): BadgeText {
	const status = t(`pledges:statuses.${pledge.status}`);
	const report = isStale
		? t('follow:freshness.stale')
		: pledge.lastReportAt
			? t('follow:badge.reported', { date: dayInZone(new Date(pledge.lastReportAt), timeZone) })
			: t('follow:badge.never');
	const label = t('follow:badge.label');
	const value = `${status} · ${report}`;
	return { label, value, name: t('follow:badge.name', { title: pledge.title, government: pledge.government, value }), tone: isStale ? 'stale' : pledge.status };
}

// About the average advance of DejaVu Sans at 11 px; textLength then fits each text to its box exactly.
const CHARACTER_WIDTH = 6.8;
const PADDING = 8;
const widthOf = (text: string) => Math.ceil([...text].length * CHARACTER_WIDTH) + 2 * PADDING;

/** A 20 px high badge, label on grey and value on the tone's colour; every text escaped. */
export function pledgeBadgeSvg(text: BadgeText): string {
	const labelWidth = widthOf(text.label);
	const valueWidth = widthOf(text.value);
	const width = labelWidth + valueWidth;
	const textAt = (x: number, box: number, words: string) =>
		`<text x="${x + box / 2}" y="14" text-anchor="middle" textLength="${box - 2 * PADDING}" lengthAdjust="spacingAndGlyphs">${escapeXml(words)}</text>`;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-labelledby="badge-title">`,
		`<title id="badge-title">${escapeXml(text.name)}</title>`,
		`<rect width="${labelWidth}" height="20" fill="#333"/>`,
		`<rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${TONES[text.tone]}"/>`,
		`<g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11" aria-hidden="true">`,
		textAt(0, labelWidth, text.label),
		textAt(labelWidth, valueWidth, text.value),
		'</g></svg>'
	].join('');
}
