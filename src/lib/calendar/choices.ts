import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import { calendarPath, subscriptionUrl } from './address';
import { calendarEntry } from './entry';
import type { CalendarChoice } from './choice';
import { serviceLinks } from './links';

/** Every way to add the session to a calendar, in the menu's order (computed where the page is rendered). */
export function calendarChoices(lang: Language, t: Translate): CalendarChoice[] {
	const services = serviceLinks(calendarEntry(lang, t));
	return [
		{ id: 'ics', href: calendarPath(lang), type: 'text/calendar' },
		{ id: 'google', href: services.google },
		{ id: 'outlookCom', href: services.outlookCom },
		{ id: 'office365', href: services.office365 },
		{ id: 'yahoo', href: services.yahoo },
		{ id: 'subscribe', href: subscriptionUrl(lang), type: 'text/calendar' }
	];
}
