import type { Language } from '$lib/i18n/languages';
import { createI18nextTranslator, loadResources, type Translator } from '$lib/i18n/translator';
import { eventVariables } from './words';

const translators = new Map<Language, Promise<Translator>>();

/**
 * The site's translator for one language (cached per language): i18next with the event's facts
 * (date, times, zone, room, city) as variables every sentence may use (words.ts).
 */
export function translatorFor(lang: Language): Promise<Translator> {
	let translator = translators.get(lang);
	if (!translator) {
		translator = loadResources(lang).then((resources) => createI18nextTranslator(lang, resources, eventVariables(lang)));
		translators.set(lang, translator);
	}
	return translator;
}
