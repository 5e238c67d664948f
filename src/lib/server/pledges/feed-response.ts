import { env } from '$env/dynamic/private';
import { countryName } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/words';
import { isCountryCode } from '$lib/pledges/countries';
import type { Store } from '$lib/server/store/types';
import { conditionalResponse } from './open-data.ts';
import { progressFeed } from './progress-feed.ts';
import type { Pledge } from './types.ts';

/** The most entries a feed carries (`FEED_ENTRIES`, 50 by default): readers keep older ones themselves. */
export function feedEntryLimit(): number {
	const limit = Number(env.FEED_ENTRIES);
	return Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 50;
}

const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' };

/** The `country` a feed's query asks for: none, a country code, or a refusal to answer. */
export function feedCountry(url: URL): { country?: string } | { invalid: string } {
	const value = url.searchParams.get('country')?.trim().toUpperCase();
	if (!value) return {};
	return isCountryCode(value) ? { country: value } : { invalid: value };
}

/** `400` in the reader's language: the feed's query names no country. */
export function badCountryResponse(lang: Language, t: Translate): Response {
	return new Response(t('follow:feed.badCountry'), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': lang } });
}

interface FeedRequest {
	store: Store;
	request: Request;
	url: URL;
	lang: Language;
	t: Translate;
	origin: string;
}

/** `/{lang}/pledges/feed.xml[?country=XX]`: the progress of every pledge, or of one country's. */
export async function pledgesFeedResponse({ store, request, url, lang, t, origin }: FeedRequest, country?: string): Promise<Response> {
	const snapshot = await store.snapshot();
	const query = country ? `?country=${country}` : '';
	return conditionalResponse(request, url, snapshot, `feed-${lang}`, async () => ({
		body: progressFeed(
			await store.progress.recent({ country }, feedEntryLimit()),
			{
				title: country ? t('follow:feed.titleCountry', { country: countryName(country, lang) }) : t('follow:feed.title'),
				selfPath: `/${lang}/pledges/feed.xml${query}`,
				pagePath: `/${lang}/pledges${query}`,
				updatedAt: snapshot.updatedAt
			},
			{ lang, t, origin }
		),
		headers: ATOM
	}));
}

/** `/{lang}/pledges/{id}/feed.xml`: one public pledge's progress. */
export async function pledgeFeedResponse({ store, request, url, lang, t, origin }: FeedRequest, pledge: Pledge): Promise<Response> {
	const snapshot = await store.snapshot();
	return conditionalResponse(request, url, snapshot, `feed-${lang}-${pledge.id}`, async () => ({
		body: progressFeed(
			await store.progress.recent({ pledgeId: pledge.id }, feedEntryLimit()),
			{
				title: t('follow:feed.titlePledge', { title: pledge.title, government: pledge.government }),
				selfPath: `/${lang}/pledges/${pledge.id}/feed.xml`,
				pagePath: `/${lang}/pledges/${pledge.id}`,
				updatedAt: snapshot.updatedAt
			},
			{ lang, t, origin }
		),
		headers: ATOM
	}));
}
