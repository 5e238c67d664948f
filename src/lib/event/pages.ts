import { event } from './event';

/** The public pages of every language, as the part of their path after the language (`/`, `/live`), in the document's order. */
export const PUBLIC_PAGES: readonly string[] = event.pages.map((page) => page.path);

/** The pages the site's navigation links to, each labelled by the words `nav.<id>`. */
export const NAVIGATION_PAGES = event.pages.filter((page) => page.inNavigation);

/** The pages search engines should know (sitemap.xml). */
export const INDEXED_PAGES: readonly string[] = event.pages.filter((page) => page.inSitemap).map((page) => page.path);
