import type { Cookies } from '@sveltejs/kit';
import { isLanguage, LANGUAGE_COOKIE, negotiateLanguage, type Language } from '$lib/i18n/languages';

/** The console's language: `?lang=` (remembered in the site's language cookie), else the cookie, else Accept-Language. */
export function consoleLanguage(url: URL, cookies: Cookies, acceptLanguage: string | null): Language {
	const asked = url.searchParams.get('lang');
	if (isLanguage(asked)) {
		cookies.set(LANGUAGE_COOKIE, asked, { path: '/', maxAge: 31536000, sameSite: 'lax', httpOnly: false, secure: false });
		return asked;
	}
	return negotiateLanguage(cookies.get(LANGUAGE_COOKIE), acceptLanguage);
}
