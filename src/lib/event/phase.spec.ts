import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatTime, formatTimeRange } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { Translator } from '$lib/i18n/translator';
import { countdownParts, describePhase, formatCountdown } from './describe-phase';
import { event } from './event';
import { isSettled, nextChangeAt, phaseAt } from './phase';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const shift = (instant: Date, ms: number) => new Date(instant.getTime() + ms);
const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');

describe('phaseAt: the phase of the event at an instant', () => {
	it('is "before" days ahead, with the time left until the start', () => {
		const daysAhead = shift(event.start, -3 * DAY - 5 * 60 * MINUTE);
		const phase = phaseAt(event, daysAhead);
		expect(phase.kind).toBe('before');
		expect(phase.msUntilStart).toBe(event.start.getTime() - daysAhead.getTime());
		expect(phase.next?.id).toBe('welcome');
	});

	it('is "before" until 15 minutes before the start, then "soon"', () => {
		expect(phaseAt(event, shift(event.start, -15 * MINUTE - 1)).kind).toBe('before');
		expect(phaseAt(event, shift(event.start, -15 * MINUTE)).kind).toBe('soon');
	});

	it('is "soon" a minute before the start and "live" from the start', () => {
		expect(phaseAt(event, shift(event.start, -MINUTE))).toMatchObject({ kind: 'soon', msUntilStart: MINUTE });
		expect(phaseAt(event, shift(event.start, -1)).kind).toBe('soon');
		const atStart = phaseAt(event, event.start);
		expect(atStart.kind).toBe('live');
		expect(atStart.segment?.id).toBe('welcome');
		expect(atStart.next?.id).toBe('panel');
		expect(phaseAt(event, shift(event.start, MINUTE)).segment?.id).toBe('welcome');
	});

	it('moves to each segment at its start', () => {
		const [welcome, panel, handover] = event.segments;
		expect(phaseAt(event, shift(panel.start, -1)).segment?.id).toBe(welcome.id);
		expect(phaseAt(event, panel.start)).toMatchObject({ kind: 'live', segment: panel, next: handover });
		expect(phaseAt(event, shift(handover.start, -1)).segment?.id).toBe(panel.id);
		const last = phaseAt(event, handover.start);
		expect(last).toMatchObject({ kind: 'live', segment: handover });
		expect(last.next).toBeUndefined();
	});

	it('is "after" from the end on, for good', () => {
		expect(phaseAt(event, shift(event.end, -1)).kind).toBe('live');
		expect(phaseAt(event, event.end)).toEqual({ kind: 'after' });
		expect(phaseAt(event, shift(event.end, MINUTE)).kind).toBe('after');
		expect(phaseAt(event, shift(event.end, 3 * 365 * DAY)).kind).toBe('after');
		expect(isSettled(event, shift(event.end, -1))).toBe(false);
		expect(isSettled(event, event.end)).toBe(true);
	});
});

describe('nextChangeAt: when the page must look again', () => {
	it('follows the countdown on the start’s minute marks before the start', () => {
		expect(nextChangeAt(event, shift(event.start, -90 * MINUTE - 30_000))).toEqual(shift(event.start, -90 * MINUTE));
		expect(nextChangeAt(event, shift(event.start, -90 * MINUTE))).toEqual(shift(event.start, -89 * MINUTE));
		expect(nextChangeAt(event, shift(event.start, -30_000))).toEqual(event.start);
	});

	it('wakes at each segment change and at the end, then never again', () => {
		const [, panel, handover] = event.segments;
		expect(nextChangeAt(event, event.start)).toEqual(panel.start);
		expect(nextChangeAt(event, shift(panel.start, 5 * MINUTE))).toEqual(handover.start);
		expect(nextChangeAt(event, handover.start)).toEqual(event.end);
		expect(nextChangeAt(event, event.end)).toBeUndefined();
	});

	it('names an instant whose phase differs from the current one at every phase change', () => {
		for (let instant = shift(event.start, -20 * MINUTE); instant < event.end; ) {
			const next = nextChangeAt(event, instant);
			expect(next!.getTime()).toBeGreaterThan(instant.getTime());
			instant = next!;
		}
	});
});

describe('the countdown', () => {
	it('counts whole minutes, rounded up', () => {
		expect(countdownParts(1)).toEqual({ days: 0, hours: 0, minutes: 1 });
		expect(countdownParts(MINUTE)).toEqual({ days: 0, hours: 0, minutes: 1 });
		expect(countdownParts(MINUTE + 1)).toEqual({ days: 0, hours: 0, minutes: 2 });
		expect(countdownParts((26 * 60 + 5) * MINUTE)).toEqual({ days: 1, hours: 2, minutes: 5 });
	});

	it('says days, then hours and minutes, then minutes', () => {
		expect(formatCountdown(3 * 24 * 60 * MINUTE + 5 * MINUTE, 'en')).toBe('3 days');
		expect(formatCountdown(24 * 60 * MINUTE, 'en')).toBe('1 day');
		expect(formatCountdown((5 * 60 + 20) * MINUTE, 'en')).toBe('5 hours and 20 minutes');
		expect(formatCountdown(60 * MINUTE, 'en')).toBe('1 hour');
		expect(formatCountdown(12 * MINUTE, 'en')).toBe('12 minutes');
		expect(formatCountdown(30_000, 'en')).toBe('1 minute');
		expect(plain(formatCountdown(3 * 24 * 60 * MINUTE, 'fr'))).toBe('3 jours');
		expect(plain(formatCountdown((5 * 60 + 20) * MINUTE, 'fr'))).toBe('5 heures et 20 minutes');
		expect(plain(formatCountdown(MINUTE, 'fr'))).toBe('1 minute');
	});
});

describe('describePhase: the words in each language', () => {
	const t = {} as Record<Language, Translator>;
	beforeAll(async () => {
		for (const lang of ['en', 'fr'] as const) t[lang] = await translatorFor(lang);
	});
	/** What the locale files say, spaces made plain like `words`. */
	const say = (lang: Language, key: string, options?: Record<string, unknown>) => plain(t[lang](key, options));
	const segmentTitle = (lang: Language, index: number) => t[lang](`event:agenda.${event.segments[index].id}`);
	const words = (instant: Date, lang: Language) => {
		const result = describePhase(phaseAt(event, instant), event, t[lang], lang);
		return { status: plain(result.status), detail: plain(result.detail) };
	};

	it('counts down before the start', () => {
		expect(words(shift(event.start, -2 * DAY), 'en')).toEqual({ status: say('en', 'live:status.before'), detail: say('en', 'live:countdown', { duration: '2 days' }) });
		expect(words(shift(event.start, -2 * DAY), 'fr')).toEqual({ status: say('fr', 'live:status.before'), detail: say('fr', 'live:countdown', { duration: '2 jours' }) });
		expect(words(shift(event.start, -(3 * 60 + 1) * MINUTE), 'en').detail).toBe(say('en', 'live:countdown', { duration: '3 hours and 1 minute' }));
	});

	it('says "starts in N minutes" from 15 minutes before', () => {
		expect(words(shift(event.start, -15 * MINUTE), 'en')).toEqual({ status: say('en', 'live:status.soon'), detail: say('en', 'live:countdown', { duration: '15 minutes' }) });
		expect(words(shift(event.start, -MINUTE), 'fr')).toEqual({ status: say('fr', 'live:status.soon'), detail: say('fr', 'live:countdown', { duration: '1 minute' }) });
	});

	it('says live now, with the segment on now and what is next', () => {
		expect(words(shift(event.start, MINUTE), 'en')).toEqual({
			status: say('en', 'live:status.liveSegment', { segment: segmentTitle('en', 0) }),
			detail: say('en', 'live:next', { time: formatTime(event.segments[1].start, 'en', event.timeZone), segment: segmentTitle('en', 1) })
		});
		expect(words(event.segments[1].start, 'fr')).toEqual({
			status: say('fr', 'live:status.liveSegment', { segment: segmentTitle('fr', 1) }),
			detail: say('fr', 'live:next', { time: formatTime(event.segments[2].start, 'fr', event.timeZone), segment: segmentTitle('fr', 2) })
		});
		expect(words(event.segments[2].start, 'en').detail).toBe(say('en', 'live:endsAt', { time: formatTime(event.end, 'en', event.timeZone) }));
	});

	it('says the event has ended', () => {
		expect(words(event.end, 'en')).toEqual({ status: say('en', 'live:status.after'), detail: undefined });
		expect(words(event.end, 'fr')).toEqual({ status: say('fr', 'live:status.after'), detail: undefined });
	});

	it('gives the schedule only when the phase is not known yet', () => {
		for (const lang of ['en', 'fr'] as const) {
			const schedule = { date: formatDate(event.start, lang, event.timeZone), time: formatTimeRange(event.start, event.end, lang, event.timeZone) };
			expect(plain(describePhase(undefined, event, t[lang], lang).status)).toBe(say(lang, 'live:status.scheduled', schedule));
		}
	});
});
