import { formatDate, formatTimeRange, zoneAbbreviation, zoneCity } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import { event } from './event';

/** Keeps a name on one line ("New York", "Room 8" wrap as a whole). */
export const noBreak = (text: string) => text.replace(/ /g, '\u00a0');

/**
 * The facts any sentence may name, given to every translator as default interpolation variables:
 * the words say `{{eventDate}}`, `{{eventTimes}} {{zoneCity}} time ({{zoneAbbreviation}})`,
 * `Room {{room}}`, `{{city}}`, never the values themselves (locales.spec.ts checks).
 */
export function eventVariables(lang: Language): Record<string, string> {
	return {
		eventDate: formatDate(event.start, lang, event.timeZone),
		eventTimes: formatTimeRange(event.start, event.end, lang, event.timeZone),
		zoneCity: noBreak(zoneCity(event.timeZone)),
		zoneAbbreviation: zoneAbbreviation(event.start, event.timeZone),
		room: event.venue.room,
		city: noBreak(event.venue.address.locality)
	};
}
