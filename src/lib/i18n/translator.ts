import type { TFunction } from 'i18next';
import { eventVariables } from '$lib/event/words';
import type { Language } from './languages';
import { createLiteTranslator } from './lite-translator';
import { loadNamespaces, namespaceOf } from './locale-files';

export type Translator = TFunction;

type Resource = Record<string, unknown>;

// One lazy chunk per language and namespace: a page loads only its own language's words.
const files = import.meta.glob<Resource>('/locales/*/*.json', { import: 'default' });

// Words only server-rendered pages use (the console runs without client JavaScript): never sent to browsers.
const SERVER_ONLY_NAMESPACES = new Set(['organizers']);

export const NAMESPACES = [...new Set(Object.keys(files).map(namespaceOf))];

export function loadResources(lang: Language): Promise<Record<string, Resource>> {
	return loadNamespaces(files, lang, (namespace) => import.meta.env.SSR || !SERVER_ONLY_NAMESPACES.has(namespace));
}

const translators = new Map<Language, Promise<Translator>>();

async function createTranslator(lang: Language): Promise<Translator> {
	const resources = await loadResources(lang);
	// In the browser, the same words through a small look-up (see lite-translator.ts).
	if (!import.meta.env.SSR) return createLiteTranslator(lang, resources, eventVariables(lang)) as unknown as Translator;
	return createI18nextTranslator(lang, resources);
}

/** An i18next instance per language, never a shared changeLanguage: concurrent renders cannot mix. */
export async function createI18nextTranslator(lang: Language, resources: Record<string, Resource>): Promise<Translator> {
	const { default: i18next } = await import('i18next');
	const instance = i18next.createInstance();
	await instance.init({
		lng: lang,
		fallbackLng: false,
		ns: NAMESPACES,
		defaultNS: 'common',
		resources: { [lang]: resources },
		// Svelte escapes every interpolated value; escaping here would double it. The event's facts
		// (date, times, zone, room) are variables every sentence may use.
		interpolation: { escapeValue: false, defaultVariables: eventVariables(lang) },
		returnNull: false
	});
	return instance.getFixedT(lang);
}

/** A translator fixed to one language (cached per language). */
export function translatorFor(lang: Language): Promise<Translator> {
	let translator = translators.get(lang);
	if (!translator) {
		translator = createTranslator(lang);
		translators.set(lang, translator);
	}
	return translator;
}
