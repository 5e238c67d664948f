import { error } from '@sveltejs/kit';
import { StoreUnavailableError, type Store } from './types';

export const STORE_UNAVAILABLE_MESSAGE = 'The store is unavailable right now; nothing was saved. Try again in a moment.';

/**
 * The store as routes see it: a store that cannot be reached (PostgreSQL restarting or down) makes
 * the request answer 503 with a clear message, never a stack trace and never a success.
 */
export function unavailableAs503(store: Store): Store {
	const wrap = <T extends object>(target: T): T =>
		new Proxy(target, {
			get(object, key, receiver) {
				const value = Reflect.get(object, key, receiver);
				if (typeof value === 'function') {
					return (...args: unknown[]) => {
						const result = value.apply(object, args);
						return result instanceof Promise ? result.catch(rethrow) : result;
					};
				}
				return value && typeof value === 'object' && key !== 'changes' ? wrap(value) : value;
			}
		});
	return wrap(store);
}

function rethrow(cause: unknown): never {
	if (cause instanceof StoreUnavailableError) error(503, STORE_UNAVAILABLE_MESSAGE);
	throw cause;
}

/** The 503 itself, where a response is built by hand: JSON `{error, message}` for the API, plain text elsewhere. */
export function storeUnavailableResponse(isApi: boolean): Response {
	const headers = { 'cache-control': 'no-store', 'retry-after': '5' };
	return isApi
		? Response.json({ error: 'store-unavailable', message: STORE_UNAVAILABLE_MESSAGE }, { status: 503, headers })
		: new Response(`${STORE_UNAVAILABLE_MESSAGE}\n`, { status: 503, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}
