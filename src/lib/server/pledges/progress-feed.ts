import { Feed, type Item } from 'feed';
import { countryName, formatDay } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/words';
import type { ProgressEvent } from './progress.ts';

/** What every entry of a feed is written with. */
export interface FeedContext {
	lang: Language;
	t: Translate;
	/** The site's public origin, for absolute links and ids. */
	origin: string;
}

/** What a feed is about: its title, its own address and the page it follows. */
export interface FeedSubject {
	title: string;
	selfPath: string;
	pagePath: string;
	/** The feed's `updated` when it has no entry (the ledger's last change). */
	updatedAt: string;
}

// XML 1.0 allows no C0 control but tab and line breaks, no U+FFFE/U+FFFF and no lone surrogate.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, '');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Plain text as the HTML the library writes titles and content in (`type="html"`): readers then show
 * a `<b>` typed into a note as those three characters, never as markup.
 */
const asHtml = (text: string) => xmlSafe(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
const paragraphs = (lines: string[]) => lines.flatMap((line) => line.split(/\r?\n/)).filter((line) => line.trim() !== '').map((line) => `<p>${asHtml(line)}</p>`).join('');

/** The title of an event's entry, in the feed's language. */
function entryTitle(event: ProgressEvent, { lang, t }: FeedContext): string {
	const words = { title: event.pledge.title, government: event.pledge.government };
	if (event.kind === 'recorded') return t('follow:feed.entry.recorded', words);
	if (event.kind === 'status') return t('follow:feed.entry.status', { ...words, status: t(`pledges:statuses.${event.status}`) });
	return t('follow:feed.entry.note', { ...words, date: formatDay(event.note.date, lang) });
}

/**
 * One event as an Atom entry. Its id is the pledge page's address and the event's stable key, so
 * a reader shows each event once however often it reads the feed. `reportedBy`, when the event has
 * one, is the entry's author; otherwise the feed's author (the site) stands for the organizers.
 */
export function progressEntry(event: ProgressEvent, context: FeedContext): Item {
	const { lang, t, origin } = context;
	const link = `${origin}/${lang}/pledges/${event.pledge.id}`;
	const at = new Date(event.at);
	const about = t('follow:feed.entry.about', { government: event.pledge.government, country: countryName(event.pledge.country, lang) });
	return {
		id: `${link}#${event.key}`,
		link,
		title: asHtml(entryTitle(event, context)),
		date: at,
		published: at,
		content: paragraphs(event.kind === 'note' ? [event.note.text, about] : [about]),
		...(event.reportedBy ? { author: [{ name: xmlSafe(event.reportedBy) }] } : {})
	};
}

/** An Atom document of progress events (newest first, as given). */
export function progressFeed(events: readonly ProgressEvent[], subject: FeedSubject, context: FeedContext): string {
	const { origin, t } = context;
	const feed = new Feed({
		id: `${origin}${subject.selfPath}`,
		title: xmlSafe(subject.title),
		updated: new Date(events[0]?.at ?? subject.updatedAt),
		link: `${origin}${subject.pagePath}`,
		feed: `${origin}${subject.selfPath}`,
		author: { name: t('common:siteName'), link: `${origin}/${context.lang}/` },
		generator: false
	});
	for (const event of events) feed.addItem(progressEntry(event, context));
	return feed.atom1();
}
