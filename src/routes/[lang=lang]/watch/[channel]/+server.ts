import { error, redirect } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { isChannelId } from '$lib/livestream/channel-ids.js';
import { CHANNEL_COOKIE, watchUrl } from '$lib/livestream/channels';
import type { RequestHandler } from './$types';

export const prerender = false;

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Choosing a channel: remember it in a cookie (read again by /{lang}/watch and the live page), then go to its stream. */
export const GET: RequestHandler = ({ params, cookies }) => {
	const lang = params.lang as Language;
	if (!isChannelId(params.channel)) error(404, 'Unknown channel');
	// Readable by the join island (not httpOnly): it only names a sound channel.
	cookies.set(CHANNEL_COOKIE, params.channel, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: false });
	redirect(303, watchUrl(lang, params.channel));
};
