// @ts-check
import languages from '../../i18n/languages.json' with { type: 'json' };

// Every page forbids framing (clickjacking) but the embeddable counter and pledges, which partner sites
// and cities frame (a pledge's id is a UUID: nothing else under /embed/pledges/ is framable).
const FRAMABLE_PAGE = new RegExp(
	`^/(${languages.map((language) => language.code).join('|')})/embed/(counter|pledges/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$`
);

/** Whether other sites may frame the page at `pathname`: the counter's and each pledge's, in each language. */
export const mayBeFramed = (/** @type {string} */ pathname) => FRAMABLE_PAGE.test(pathname);

/** A Content-Security-Policy that lets any site frame the page. */
export const allowFraming = (/** @type {string} */ policy) => policy.replace("frame-ancestors 'none'", 'frame-ancestors *');
