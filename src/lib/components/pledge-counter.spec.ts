import { describe, expect, it } from 'vitest';
import { translatorFor } from '$lib/event/translator';
import { formatCount } from '$lib/i18n/format';
import { LANGUAGES } from '$lib/i18n/languages';
import { speak } from '$lib/i18n/words';
import { announcementOf, statusWords } from './pledge-counter';

describe('the live counter’s words in the browser', () => {
	for (const lang of LANGUAGES) {
		it(`say in ${lang}, with the island’s words alone, what the page’s translator says`, async () => {
			const page = await translatorFor(lang);
			const t = speak(lang, page.words(['stream:counter']));
			expect(announcementOf(null, lang, t)).toBe('');
			for (const count of [0, 1, 2, 12_345]) {
				expect(announcementOf(count, lang, t)).toBe(page('stream:counter.announcement', { count, formatted: formatCount(count, lang) }));
			}
			for (const status of ['connecting', 'live', 'reconnecting', 'polling'] as const) {
				expect(statusWords(status, false, t)).toBe(page(`stream:counter.status.${status}`));
			}
			// After the event, a followed count is current, not live; the other states say what they are.
			expect(statusWords('live', true, t)).toBe(page('stream:counter.status.current'));
			expect(statusWords('polling', true, t)).toBe(page('stream:counter.status.polling'));
		});
	}
});
