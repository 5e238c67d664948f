import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { translatorFor } from '$lib/event/translator';
import { dayInZone } from '$lib/i18n/format';
import { pledgeBadgeSvg, pledgeBadgeText } from './pledge-badge';

const t = { en: await translatorFor('en'), fr: await translatorFor('fr') };
const pledge = { title: 'Classes & <b>"welcome"</b>', government: 'Kampala Capital City Authority', status: 'in-progress' as const, lastReportAt: '2026-03-02T03:30:00.000Z' };
const parse = (svg: string) => {
	expect(XMLValidator.validate(svg)).toBe(true);
	return new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(svg).svg;
};

describe('a pledge’s badge', () => {
	it('is an image named by its title: the pledge, its status and the day of its last report in the event’s zone', () => {
		for (const lang of ['en', 'fr'] as const) {
			const text = pledgeBadgeText(pledge, false, t[lang], event.timeZone);
			const svg = parse(pledgeBadgeSvg(text));
			expect(svg['@_role']).toBe('img');
			expect(svg['@_aria-labelledby']).toBe(svg.title['@_id']);
			const value = `${t[lang]('pledges:statuses.in-progress')} · ${t[lang]('follow:badge.reported', { date: dayInZone(new Date(pledge.lastReportAt), event.timeZone) })}`;
			expect(text.value).toBe(value);
			expect(svg.title['#text']).toBe(t[lang]('follow:badge.name', { title: pledge.title, government: pledge.government, value }));
		}
	});

	it('says "no recent report" in its own colour once the pledge has gone quiet, and "no report yet" before any', () => {
		expect(pledgeBadgeText(pledge, true, t.en, event.timeZone)).toMatchObject({ tone: 'stale', value: `${t.en('pledges:statuses.in-progress')} · ${t.en('follow:freshness.stale')}` });
		expect(pledgeBadgeText({ ...pledge, lastReportAt: undefined }, false, t.en, event.timeZone).value).toContain(t.en('follow:badge.never'));
	});

	it('escapes every text, so that a title cannot add markup to the image', () => {
		const svg = pledgeBadgeSvg(pledgeBadgeText(pledge, false, t.en, event.timeZone));
		expect(svg).not.toContain('<b>');
		expect(parse(svg).title['#text']).toContain(pledge.title);
	});
});
