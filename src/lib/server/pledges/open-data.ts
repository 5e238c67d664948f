import { createHash } from 'node:crypto';
import { pledgesCsv } from '$lib/pledges/csv-export';
import { heldTag } from '$lib/server/http/entity-tags';
import { PUBLIC_READ_HEADERS } from '$lib/server/http/public-read';
import type { Pledge } from '$lib/pledges/types';
import type { Store } from '$lib/server/store/types';
import { licenseHeaders, openDataLicense } from './open-data-license';

/** How many pledges the CSV reads from the store at a time. */
const BATCH = 1000;

/** The validators of a public read: the ledger's last change and the query that shaped the answer. */
export function validators(updatedAt: string, count: number, url: URL, kind: string) {
	const tag = createHash('sha256').update(`${kind}\n${updatedAt}\n${count}\n${url.search}`).digest('base64url').slice(0, 27);
	return { etag: `"${tag}"`, lastModified: new Date(updatedAt).toUTCString() };
}

/** Whether the client's copy is current (If-None-Match wins over If-Modified-Since, RFC 9110 13.2.2). */
export function isNotModified(request: Request, etag: string, lastModified: string): boolean {
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch !== null) return heldTag(ifNoneMatch, [etag]) !== undefined;
	const since = Date.parse(request.headers.get('if-modified-since') ?? '');
	return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
}

/** A public read's answer: `304` when the client's copy is current, else the body built on demand. */
export async function conditionalResponse(
	request: Request,
	url: URL,
	snapshot: { updatedAt: string; count: number },
	kind: string,
	build: () => Promise<{ body: string; headers: Record<string, string> }>
): Promise<Response> {
	const { etag, lastModified } = validators(snapshot.updatedAt, snapshot.count, url, kind);
	const headers = { ...PUBLIC_READ_HEADERS, etag, 'last-modified': lastModified, 'cache-control': 'no-cache' };
	if (isNotModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
	const built = await build();
	return new Response(built.body, { status: 200, headers: { ...built.headers, ...headers } });
}

/** Every public pledge, newest first, read a page at a time. */
async function allPledges(store: Store): Promise<Pledge[]> {
	const pledges: Pledge[] = [];
	let after: number | undefined;
	do {
		const page = await store.listPage({}, { limit: BATCH, after });
		pledges.push(...page.pledges);
		after = page.next ?? undefined;
	} while (after !== undefined);
	return pledges;
}

/** `GET /api/pledges.csv`: all the public pledges, newest first, as a spreadsheet-safe file. */
export async function pledgesCsvResponse(store: Store, request: Request, url: URL): Promise<Response> {
	const snapshot = await store.snapshot();
	// The CSV has no room for metadata before its header line: its licence is a header of the answer.
	const license = openDataLicense();
	return conditionalResponse(request, url, snapshot, `csv|${license}`, async () => ({
		body: pledgesCsv(await allPledges(store)),
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="imrf-pledges.csv"', ...licenseHeaders(license) }
	}));
}
