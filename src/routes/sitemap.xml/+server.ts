import { sitemapXml } from '$lib/seo/sitemap';
import { settings } from '$lib/settings';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => new Response(sitemapXml(settings.origin), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
