import type { RequestEvent } from '@sveltejs/kit';

/**
 * The client's address as adapter-node determines it (the socket, or ADDRESS_HEADER behind a
 * proxy); undefined when ADDRESS_HEADER is set but the request lacks it, which adapter-node
 * reports by throwing: the request did not come through the proxy the settings describe.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | undefined {
	try {
		return event.getClientAddress() || undefined;
	} catch {
		return undefined;
	}
}
