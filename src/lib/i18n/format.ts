import { dateTimeFormat, displayNames, numberFormat } from './intl-cache';
import { HOUR_STYLES, INTL_LOCALES as intlLocale, type Language } from './languages';

// Every time is written in a zone its caller names (the event's, from its facts, or the visitor's):
// this layer knows no event.

const clockOf = (lang: Language): Intl.DateTimeFormatOptions => ({ hour: HOUR_STYLES[lang], minute: '2-digit' });

/** "1:30 PM" / "13:30" for an instant in a time zone. */
export function formatTime(instant: Date, lang: Language, timeZone: string): string {
	return dateTimeFormat(intlLocale[lang], { ...clockOf(lang), timeZone }).format(instant);
}

/** "1:30 – 2:30 PM" / "13:30 – 14:30" between two instants in a time zone. */
export function formatTimeRange(start: Date, end: Date, lang: Language, timeZone: string): string {
	return dateTimeFormat(intlLocale[lang], { ...clockOf(lang), timeZone }).formatRange(start, end);
}

/** "Wednesday, May 18, 2022" / "mercredi 18 mai 2022". */
export function formatDate(instant: Date, lang: Language, timeZone: string): string {
	return dateTimeFormat(intlLocale[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(instant);
}

/** A calendar day given as YYYY-MM-DD ("Sunday, March 1, 2026"), the same wherever it is read. */
export function formatDay(day: string, lang: Language): string {
	return formatDate(new Date(`${day}T12:00:00Z`), lang, 'UTC');
}

// One formatter per zone answers both questions below (a browser builds each new formatter at a cost).
function wallClock(instant: Date, timeZone: string): { day: string; time: string } {
	const parts = Object.fromEntries(
		dateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD, to tell whether two zones see the same day. */
export function dayInZone(instant: Date, timeZone: string): string {
	return wallClock(instant, timeZone).day;
}

/** Whether two zones show different wall-clock times at that instant (the visitor's and the event's). */
export function wallClocksDiffer(instant: Date, timeZone: string, otherTimeZone: string): boolean {
	const there = wallClock(instant, timeZone);
	const other = wallClock(instant, otherTimeZone);
	return there.day !== other.day || there.time !== other.time;
}

/** A readable name for an IANA zone: "Europe/Paris" → "Paris", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timeZone: string): string {
	const last = timeZone.split('/').pop() ?? timeZone;
	return last.replace(/_/g, ' ');
}

/**
 * The zone's abbreviation at that instant as people there write it ("EDT" in New York in May),
 * the same in every language; "GMT+2"-style where the zone has no common abbreviation.
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
	const part = dateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
		.formatToParts(instant)
		.find((p) => p.type === 'timeZoneName');
	return part?.value ?? timeZone;
}

/** A country's name in a language from its ISO 3166-1 alpha-2 code ("UG": "Uganda", "Ouganda"), from the runtime's CLDR data. */
export function countryName(code: string, lang: Language): string {
	return displayNames(intlLocale[lang] ?? lang, { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
}

/** A language's name in another language from its BCP 47 tag ("fr" in English: "French"; "en" in French: "anglais"), from the runtime's CLDR data. */
export function languageName(code: string, lang: Language): string {
	return displayNames(intlLocale[lang] ?? lang, { type: 'language', fallback: 'code' }).of(code) ?? code;
}

/** A whole number with the language's grouping ("1,234" / "1 234"). */
export function formatCount(value: number, lang: Language): string {
	return numberFormat(intlLocale[lang]).format(value);
}

/** ISO 8601 with the zone's offset: 2022-05-18T13:30:00-04:00 (schema.org wants local time with offset). */
export function isoInZone(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		dateTimeFormat('en-US', {
			year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
			hourCycle: 'h23', timeZone, timeZoneName: 'longOffset'
		})
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** A wait from now, rounded up: "in 30 seconds" / "dans 2 minutes". */
export function formatWait(ms: number, lang: Language): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	const relative = new Intl.RelativeTimeFormat(intlLocale[lang], { numeric: 'always' });
	return seconds < 90 ? relative.format(seconds, 'second') : relative.format(Math.ceil(seconds / 60), 'minute');
}
