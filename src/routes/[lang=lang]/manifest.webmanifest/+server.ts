import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { webManifest } from '$lib/install/manifest';
import { APP_ICONS } from '$lib/server/images/app-icon';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));

export const GET: RequestHandler = async ({ params }) => {
	const lang = params.lang as Language;
	const t = await translatorFor(lang);
	const words = { name: t('event:fullTitle'), shortName: t('share:appShortName'), description: t('event:description') };
	const icons = APP_ICONS.filter((icon) => !icon.name.startsWith('apple-'));
	return new Response(JSON.stringify(webManifest(lang, words, icons)), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8' }
	});
};
