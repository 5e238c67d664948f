import { event } from './event';
import { isSettled } from './phase';

/** The public pages of every language, as the part of their path after the language (`/`, `/live`), in the document's order. */
export const PUBLIC_PAGES: readonly string[] = event.pages.map((page) => page.path);

/** The pages the site's navigation links to, each labelled by the words `nav.<id>`. */
export const NAVIGATION_PAGES = event.pages.filter((page) => page.inNavigation);

/**
 * The navigation's links at an instant, each with the id of its words (`nav.<words>`): once the event is over,
 * a page may go by another name, so that the live call to action becomes the recording's.
 */
export function navigationAt(instant: Date): { id: string; path: string; words: string }[] {
	const isOver = isSettled(event, instant);
	return NAVIGATION_PAGES.map(({ id, path, navAfterEvent }) => ({ id, path, words: isOver && navAfterEvent ? navAfterEvent : id }));
}

/** The pages search engines should know (sitemap.xml). */
export const INDEXED_PAGES: readonly string[] = event.pages.filter((page) => page.inSitemap).map((page) => page.path);
