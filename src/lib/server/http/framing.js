// @ts-check
import languages from '../../i18n/languages.json' with { type: 'json' };

// Every page forbids framing (clickjacking) but the embeddable counter, which partner sites frame.
const FRAMABLE_PAGE = new RegExp(`^/(${languages.map((language) => language.code).join('|')})/embed/counter/?$`);

/** Whether other sites may frame the page at `pathname`: the counter's, in each language. */
export const mayBeFramed = (/** @type {string} */ pathname) => FRAMABLE_PAGE.test(pathname);

/** A Content-Security-Policy that lets any site frame the page. */
export const allowFraming = (/** @type {string} */ policy) => policy.replace("frame-ancestors 'none'", 'frame-ancestors *');
