import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { apiTranslator } from '../http/language';
import { organizerOfSession } from '../organizers/guard';
import { openSite } from '../site';
import { answerOnSocketUnderServe } from './socket-path';
import { STREAM_HEADERS } from './sse';
import { admitStream, PUBLIC_STREAM_HEADERS, refusalHeaders, requestedTopics, resumedAfter, type Refusal } from './stream-access';
import { hubStreamResponse } from './stream-response';

/** The client's address, or undefined when the proxy's address header (ADDRESS_HEADER) is missing. */
function clientAddress(event: RequestEvent): string | undefined {
	const header = env.ADDRESS_HEADER?.toLowerCase();
	if (header && !event.request.headers.get(header)) return undefined;
	try {
		return event.getClientAddress();
	} catch {
		// adapter-node: fewer X-Forwarded-For entries than XFF_DEPTH says.
		return undefined;
	}
}

/** A refusal in plain text, in the request's language (Accept-Language). */
async function refuse(request: Request, refusal: Refusal): Promise<Response> {
	const t = await apiTranslator(request);
	return new Response(`${t(refusal.key, refusal.values)}\n`, { status: refusal.status, headers: refusalHeaders(refusal) });
}

/**
 * `GET /api/pledges/stream` and `GET /api/live`: one event stream from the site's hub, carrying the
 * topics asked for (`?topics=`; the public ones by default), or the route's own `topics`
 * (`/organizers/questions/stream`: the moderation queue). An organizers' topic needs a signed-in
 * console session; every stream takes a place under the caps.
 */
export async function serveLiveStream(event: RequestEvent, topics?: readonly string[]): Promise<Response> {
	const { hub } = await openSite();
	const events = topics ?? requestedTopics(event.url, hub);
	if (!events) return refuse(event.request, { status: 400, key: 'common:api.stream.unknownTopic', values: { topics: hub.topics.join(', ') } });
	const isForOrganizers = events.some((name) => hub.audienceOf(name) === 'organizers');
	if (isForOrganizers && !(await organizerOfSession(event))) return refuse(event.request, { status: 403, key: 'common:api.stream.organizersOnly' });
	// Public topics may be read by any site; the organizers' are theirs alone, and never stored.
	const headers = isForOrganizers ? { ...STREAM_HEADERS, 'cache-control': 'no-store, no-transform' } : PUBLIC_STREAM_HEADERS;
	if (event.request.method === 'HEAD') return new Response(null, { headers });
	const admitted = admitStream(clientAddress(event));
	if ('status' in admitted) return refuse(event.request, admitted);
	return hubStreamResponse({ hub, events, headers, onEnd: admitted.release, resumesAfter: resumedAfter(event.request.headers.get('last-event-id')) });
}

// Loaded with the stream's routes: from now on src/bin/serve.js's public streams take the socket path.
answerOnSocketUnderServe();
