import { LANGUAGES } from '$lib/i18n/languages';
import { qrCodeSvg } from '$lib/server/qr-code';
import { settings } from '$lib/settings';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));

/** A QR code to the event page in this language (printed on the agenda). */
export const GET: RequestHandler = async ({ params }) => {
	const svg = await qrCodeSvg(`${settings.origin}/${params.lang}/`);
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
};
