import { robotsTxt } from '$lib/seo/sitemap';
import { settings } from '$lib/settings';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => new Response(robotsTxt(settings.origin), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
