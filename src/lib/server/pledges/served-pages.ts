import { filterFromQuery, filterQuery } from '$lib/pledges/filter';
import { decodeCursor, encodeCursor } from './cursor';
import { recentReportsSince } from './freshness';
import { ledgerServed, type LedgerServe } from './ledger-served';

/**
 * What the list shows for this address, as one key: the parameters it reads, in one spelling (unknown
 * values mean "all", an unknown cursor the first page), so no spelling of a URL makes a page of its own.
 * The period in which a report is recent moves each day without the ledger: it is part of every key.
 */
function listKey(url: URL): string {
	const cursor = decodeCursor(url.searchParams.get('cursor') ?? '');
	return `${url.pathname}${filterQuery(filterFromQuery(url.searchParams), cursor === undefined ? undefined : encodeCursor(cursor))}\n${recentReportsSince()}`;
}

/** A pledge's page reads no query: one key per pledge and language. */
const pledgeKey = (url: URL) => `${url.pathname}\n${recentReportsSince()}`;

// A few hundred filters and pages of ~300 KB: bounded in count and in bytes, whatever the public asks for.
const list = ledgerServed({ kind: 'pledges', maxEntries: 256, maxBytes: 48 * 1024 * 1024, key: listKey, validators: 'ledger' });
// Pages of a few tens of KB: the most read pledges of a large ledger in both languages.
const pledgePages = ledgerServed({ kind: 'pledge', maxEntries: 512, maxBytes: 32 * 1024 * 1024, key: pledgeKey, validators: 'ledger' });

/** The pages rendered once per ledger version, by route: the list (per filter, page and language) and each pledge's pages. */
export const SERVED_PAGES: Record<string, LedgerServe> = {
	'/[lang=lang]/pledges': list,
	'/[lang=lang]/pledges/[id]': pledgePages,
	'/[lang=lang]/embed/pledges/[id]': pledgePages
};

/** How the page of this route is served when it is kept per ledger version; undefined for the others. */
export const ledgerServedPage = (routeId: string | null): LedgerServe | undefined => (routeId === null ? undefined : SERVED_PAGES[routeId]);

/** A pledge's share card: a PNG of a few hundred milliseconds of drawing, per pledge and language. */
export const servedPledgeCard = ledgerServed({ kind: 'card', maxEntries: 128, maxBytes: 16 * 1024 * 1024, key: (url) => url.pathname, validators: 'own' });
