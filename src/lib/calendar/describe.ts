import { event } from '$lib/event/event';
import { formatDate, formatTimeRange } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translator } from '$lib/i18n/translator';
import { settings } from '$lib/settings';

/** When and what, in a line each: enough for the short text of a service link. */
export function describeBriefly(lang: Language, t: Translator, pageUrl: string): string {
	return [
		t('event:kind'),
		t('calendar:description.when', { date: formatDate(event.start, lang), time: formatTimeRange(event.start, event.end, lang) }),
		t('calendar:description.livestream', { url: settings.livestreamUrl[lang] }),
		t('calendar:description.page', { url: pageUrl })
	].join('\n');
}

/** The plain-text description of the .ics file: what it is, the agenda in New York time, where to watch. */
export function describeFully(lang: Language, t: Translator, pageUrl: string): string {
	const agenda = event.segments.map((segment) => `${formatTimeRange(segment.start, segment.end, lang)}  ${t(`event:agenda.${segment.id}`)}`);
	return [
		t('event:fullTitle'),
		t('event:kind'),
		t('calendar:description.when', { date: formatDate(event.start, lang), time: formatTimeRange(event.start, event.end, lang) }),
		'',
		t('calendar:description.agenda'),
		...agenda,
		'',
		t('calendar:description.interpretation'),
		t('calendar:description.livestream', { url: settings.livestreamUrl[lang] }),
		t('calendar:description.page', { url: pageUrl })
	].join('\n');
}
