import { event } from '$lib/event/event';
import { formatDate, formatTimeRange } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import { captionsFor, channelNames, watchOptions } from '$lib/livestream/channels';

/** Where to watch, a line per stream with the channels it carries, then the live captions when set. */
function streamLines(lang: Language, t: Translate): string[] {
	return [
		...watchOptions(lang).map((option) => t('calendar:description.livestream', { channels: channelNames(option.channels, t, lang), url: option.url })),
		...captionsFor(lang).map((captions) => t('calendar:description.captions', { language: t(`live:channel.${captions.lang}`), url: captions.url }))
	];
}

/** When and what, in a line each: enough for the short text of a service link. */
export function describeBriefly(lang: Language, t: Translate, pageUrl: string): string {
	return [
		t('event:kind'),
		t('calendar:description.when', { date: formatDate(event.start, lang, event.timeZone), time: formatTimeRange(event.start, event.end, lang, event.timeZone) }),
		...streamLines(lang, t),
		t('calendar:description.page', { url: pageUrl })
	].join('\n');
}

/** The plain-text description of the .ics file: what it is, the agenda in New York time, where to watch. */
export function describeFully(lang: Language, t: Translate, pageUrl: string): string {
	const agenda = event.segments.map((segment) => `${formatTimeRange(segment.start, segment.end, lang, event.timeZone)}  ${t(`event:agenda.${segment.id}`)}`);
	return [
		t('event:fullTitle'),
		t('event:kind'),
		t('calendar:description.when', { date: formatDate(event.start, lang, event.timeZone), time: formatTimeRange(event.start, event.end, lang, event.timeZone) }),
		'',
		t('calendar:description.agenda'),
		...agenda,
		'',
		t('calendar:description.interpretation'),
		...streamLines(lang, t),
		t('calendar:description.page', { url: pageUrl })
	].join('\n');
}
