// Test-only: the parts of a RequestEvent the HTTP kit reads, for its specs.
import type { RequestEvent } from '@sveltejs/kit';
import type { Store } from '$lib/server/store/types';

export const SPEC_ORIGIN = 'https://site.example';

export interface SpecRequest {
	method?: string;
	routeId: string;
	headers?: Record<string, string>;
	body?: BodyInit;
	cookies?: Record<string, string>;
	store?: Store;
}

export function specEvent({ method = 'POST', routeId, headers = {}, body, cookies = {}, store }: SpecRequest): RequestEvent {
	const url = new URL(routeId, SPEC_ORIGIN);
	const request = new Request(url, { method, headers, body, ...(body ? { duplex: 'half' } : {}) });
	return {
		request,
		url,
		route: { id: routeId },
		cookies: { get: (name: string) => cookies[name] },
		locals: { store }
	} as unknown as RequestEvent;
}
