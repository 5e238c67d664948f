import type { Language } from './languages';

export const EVENT_TIME_ZONE = 'America/New_York';

const intlLocale: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

// French writes times on the 24-hour clock with two-digit hours ("02:30"), English as "2:30 AM".
const clock: Record<Language, Intl.DateTimeFormatOptions> = {
	en: { hour: 'numeric', minute: '2-digit' },
	fr: { hour: '2-digit', minute: '2-digit' }
};

/** "1:30 PM" / "13:30" for an instant in a time zone. */
export function formatTime(instant: Date, lang: Language, timeZone = EVENT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(intlLocale[lang], { ...clock[lang], timeZone }).format(instant);
}

/** "1:30 – 2:30 PM" / "13:30 – 14:30" between two instants in a time zone. */
export function formatTimeRange(start: Date, end: Date, lang: Language, timeZone = EVENT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(intlLocale[lang], { ...clock[lang], timeZone }).formatRange(start, end);
}

/** "Wednesday, May 18, 2022" / "mercredi 18 mai 2022". */
export function formatDate(instant: Date, lang: Language, timeZone = EVENT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(intlLocale[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(instant);
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD, to tell whether two zones see the same day. */
export function dayInZone(instant: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}

/** Whether a zone shows a different wall-clock time than New York at that instant. */
export function differsFromEventZone(instant: Date, timeZone: string): boolean {
	const wallClock = (zone: string) =>
		new Intl.DateTimeFormat('en-US', { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(instant);
	return wallClock(timeZone) !== wallClock(EVENT_TIME_ZONE);
}

/** A readable name for an IANA zone: "Europe/Paris" → "Paris", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timeZone: string): string {
	const last = timeZone.split('/').pop() ?? timeZone;
	return last.replace(/_/g, ' ');
}

/** Country name in the page's language from an ISO 3166-1 alpha-2 code. */
export function countryName(code: string, lang: Language): string {
	return new Intl.DisplayNames([intlLocale[lang]], { type: 'region' }).of(code.toUpperCase()) ?? code;
}

/** A whole number with the language's grouping ("1,234" / "1 234"). */
export function formatCount(value: number, lang: Language): string {
	return new Intl.NumberFormat(intlLocale[lang]).format(value);
}

/** ISO 8601 with the zone's offset: 2022-05-18T13:30:00-04:00 (schema.org wants local time with offset). */
export function isoInZone(instant: Date, timeZone = EVENT_TIME_ZONE): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
			hourCycle: 'h23', timeZone, timeZoneName: 'longOffset'
		})
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
