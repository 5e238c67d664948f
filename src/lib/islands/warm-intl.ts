import { event } from '$lib/event/event';
import { formatCount, formatTime } from '$lib/i18n/format';
import { INTL_LOCALES, type Language } from '$lib/i18n/languages';
import { yieldToBrowser } from './schedule';

/**
 * The first use of Intl in a page loads the browser's locale data: 20–40 ms in one piece on a
 * phone, inside whichever island formats a time or a number first. Loaded here beforehand in
 * steps, one per task (measured in Chromium: none above ~15 ms where a first formatter takes 20–45),
 * then the formatters the islands use most are built and cached (src/lib/i18n/intl-cache.ts).
 */
export async function warmUpIntl(lang: Language): Promise<void> {
	const locale = INTL_LOCALES[lang];
	const steps = [
		() => new Intl.Locale(locale).maximize(),
		// The locale list every service shares, then each service's own.
		() => Intl.Collator.supportedLocalesOf(locale),
		() => Intl.NumberFormat.supportedLocalesOf(locale),
		() => Intl.DateTimeFormat.supportedLocalesOf(locale),
		() => formatCount(0, lang),
		() => formatTime(new Date(0), lang, event.timeZone)
	];
	for (const step of steps) {
		await yieldToBrowser();
		step();
	}
}
