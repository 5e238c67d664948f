import { requestedTheme } from '$lib/display/theme';
import { shortAddressParts } from '$lib/display/short-address';
import { qrCodeSvg } from '$lib/server/qr-code';
import { onScreen } from '$lib/questions/public';
import { settings } from '$lib/settings';
import type { PageServerLoad } from './$types';

// The count must be right when the projector opens the page: rendered per request.
export const prerender = false;

/** A QR code with the address it leads to, and that address as the room reads it. */
const codeTo = async (url: string) => ({ url, svg: await qrCodeSvg(url), shortAddress: shortAddressParts(url) });

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { count, updatedAt, latest } = await locals.store.snapshot();
	return {
		live: { count, updatedAt, latest: latest.slice(0, 3) },
		site: await codeTo(`${settings.origin}/${params.lang}/`),
		ask: await codeTo(`${settings.origin}/${params.lang}/live/questions`),
		// The question on screen is in every public state, however small.
		onScreen: onScreen(await locals.store.questions.publicState(1)),
		// A projector: dark unless asked otherwise.
		theme: requestedTheme(url, 'dark')
	};
};
