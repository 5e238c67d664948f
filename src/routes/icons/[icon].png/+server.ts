import { error } from '@sveltejs/kit';
import { APP_ICONS, appIconSvg } from '$lib/server/images/app-icon';
import { pngResponse, renderPng } from '$lib/server/images/render-png';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => APP_ICONS.map((icon) => ({ icon: icon.name }));

export const GET: RequestHandler = async ({ params }) => {
	const icon = APP_ICONS.find((candidate) => candidate.name === params.icon);
	if (!icon) error(404, 'Not found');
	return pngResponse(await renderPng(appIconSvg(icon.variant), icon.size));
};
