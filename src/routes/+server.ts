import { LANGUAGE_COOKIE, negotiateLanguage } from '$lib/i18n/languages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ cookies, request, url }) => {
	const lang = negotiateLanguage(cookies.get(LANGUAGE_COOKIE), request.headers.get('accept-language'));
	return new Response(null, {
		status: 307,
		headers: {
			location: `/${lang}/${url.search}`,
			vary: 'Accept-Language, Cookie',
			'cache-control': 'private, no-cache'
		}
	});
};
