// Where the calendar entry is served, apart from what it says (./entry.ts): a page's reminder link
// (PhaseNow.svelte, an island) then speaks only its own words, not those of the entry.
import type { Language } from '$lib/i18n/languages';
import { settings } from '$lib/settings';

/** Where the .ics file of a language is served, as a path and as a `webcal://` subscription. */
export function calendarPath(lang: Language): string {
	return `/${lang}/calendar.ics`;
}

export function subscriptionUrl(lang: Language): string {
	return `${settings.origin.replace(/^https?:\/\//, 'webcal://')}${calendarPath(lang)}`;
}
