import { qrCodeSvg } from '$lib/server/qr-code';
import { onScreen } from '$lib/questions/public';
import { settings } from '$lib/settings';
import type { PageServerLoad } from './$types';

// The count must be right when the projector opens the page: rendered per request.
export const prerender = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const siteUrl = `${settings.origin}/${params.lang}/`;
	const { count, updatedAt, latest } = await locals.store.snapshot();
	const askUrl = `${settings.origin}/${params.lang}/live/questions`;
	return {
		live: { count, updatedAt, latest: latest.slice(0, 3) },
		siteUrl,
		qrSvg: await qrCodeSvg(siteUrl),
		onScreen: onScreen(await locals.store.questions.publicState()),
		askUrl,
		askQrSvg: await qrCodeSvg(askUrl)
	};
};
