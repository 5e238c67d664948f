import { calendarEntry } from '$lib/calendar/entry';
import { calendarHeaders } from '$lib/calendar/http';
import { icsFile } from '$lib/calendar/ics';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));

export const GET: RequestHandler = async ({ params }) => {
	const lang = params.lang as Language;
	const t = await translatorFor(lang);
	return new Response(icsFile(calendarEntry(lang, t), t), { headers: calendarHeaders(lang) });
};
