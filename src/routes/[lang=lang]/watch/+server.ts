import { redirect } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { CHANNEL_COOKIE, watchUrl } from '$lib/livestream/channels';
import type { RequestHandler } from './$types';

// Answered per request: it reads the visitor's remembered channel (no JavaScript needed).
export const prerender = false;

/** "Watch": the stream of the channel this browser chose last, else the page language's. */
export const GET: RequestHandler = ({ params, cookies }) => {
	redirect(303, watchUrl(params.lang as Language, cookies.get(CHANNEL_COOKIE)));
};
