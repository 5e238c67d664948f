import { formatDate, formatTime, formatTimeRange } from '$lib/i18n/format';
import { listFormat, numberFormat } from '$lib/i18n/intl-cache';
import { INTL_LOCALES as intlLocale, type Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import type { Phase } from './phase';
import type { EventFacts } from './types';

export interface PhaseWords {
	/** What is true now, in a few words; announced to screen readers when it changes. */
	status: string;
	/** The countdown or what comes next; never announced (it changes every minute). */
	detail?: string;
}

const MINUTE_MS = 60_000;

/** Whole minutes left, rounded up (one second before the start still says "1 minute"), split for display. */
export function countdownParts(msUntilStart: number): { days: number; hours: number; minutes: number } {
	const totalMinutes = Math.max(0, Math.ceil(msUntilStart / MINUTE_MS));
	return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

function unit(value: number, name: 'day' | 'hour' | 'minute', lang: Language): string {
	return numberFormat(intlLocale[lang], { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
}

/** "3 days", then "5 hours and 20 minutes", then "12 minutes" (French: "3 jours", "5 heures et 20 minutes"). */
export function formatCountdown(msUntilStart: number, lang: Language): string {
	const { days, hours, minutes } = countdownParts(msUntilStart);
	if (days > 0) return unit(days, 'day', lang);
	if (hours === 0) return unit(minutes, 'minute', lang);
	if (minutes === 0) return unit(hours, 'hour', lang);
	return listFormat(intlLocale[lang], { type: 'conjunction' }).format([unit(hours, 'hour', lang), unit(minutes, 'minute', lang)]);
}

/** The words for a phase; `undefined` (the phase is not known yet, e.g. in a prerendered page) gives the schedule only. */
export function describePhase(
	phase: Phase | undefined,
	event: Pick<EventFacts, 'start' | 'end' | 'timeZone'>,
	t: Translate,
	lang: Language
): PhaseWords {
	if (!phase) {
		return { status: t('live:status.scheduled', { date: formatDate(event.start, lang, event.timeZone), time: formatTimeRange(event.start, event.end, lang, event.timeZone) }) };
	}
	switch (phase.kind) {
		case 'before':
		case 'soon':
			return { status: t(`live:status.${phase.kind}`), detail: t('live:countdown', { duration: formatCountdown(phase.msUntilStart ?? 0, lang) }) };
		case 'live': {
			const segment = phase.segment ? t(`event:agenda.${phase.segment.id}`) : undefined;
			const status = segment ? t('live:status.liveSegment', { segment }) : t('live:status.live');
			const detail = phase.next
				? t('live:next', { segment: t(`event:agenda.${phase.next.id}`), time: formatTime(phase.next.start, lang, event.timeZone) })
				: phase.segment && t('live:endsAt', { time: formatTime(phase.segment.end, lang, event.timeZone) });
			return { status, detail };
		}
		case 'after':
			return { status: t('live:status.after') };
	}
}
