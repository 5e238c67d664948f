import type { RequestEvent } from '@sveltejs/kit';
import { recordSignInRefusal } from '$lib/server/metrics/registry';
import type { CaptionerAccount } from '$lib/server/captions/types';
import type { Organizer } from '$lib/server/organizers/accounts';
import { SESSION_COOKIE } from '$lib/server/organizers/guard';
import type { Store } from '$lib/server/store/types';
import { apiError } from './api-error';
import { apiPartOf } from './api-route';

/**
 * Whose API tokens a route takes: an organizer's, or a captioner's (POST /api/captions only). Each
 * role names how its tokens are checked; a request without a token is asked for one in the sentence
 * of the route's first role (`common:api.tokenRequired.<role>` in locales/).
 */
export type BearerRole = 'organizer' | 'captioner';

/** Who holds the token, by role: a captioner is never taken for an organizer. */
export type TokenHolder = { role: 'organizer'; organizer: Organizer } | { role: 'captioner'; captioner: CaptionerAccount };

const holderOf: Record<BearerRole, (store: Store, token: string) => Promise<TokenHolder | undefined>> = {
	async organizer(store, token) {
		const organizer = await store.organizers.checkToken(token);
		return organizer && { role: 'organizer', organizer };
	},
	async captioner(store, token) {
		const captioner = await store.captioners.checkToken(token);
		return captioner && { role: 'captioner', captioner };
	}
};

export type BearerCheck = ({ ok: true } & TokenHolder) | { ok: false; response: Response };

type BearerRequest = Pick<RequestEvent, 'request' | 'cookies' | 'locals' | 'route'>;

/** The token of `Authorization: Bearer <token>`; undefined without one. */
export function bearerToken(request: Request): string | undefined {
	return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/**
 * Checks the bearer token against the tokens of `roles`, in that order. Without a token: 401, or
 * 403 when a console session cookie was sent instead (a console cookie is not an API credential);
 * a token no role holds: 401 `invalid_token`. Messages in the request's language.
 */
export async function checkBearer({ request, cookies, locals, route }: BearerRequest, roles: readonly [BearerRole, ...BearerRole[]]): Promise<BearerCheck> {
	// The realm names the API's part, so that a client can tell which token a refusal asks for.
	const realm = `Bearer realm="${apiPartOf(route.id)}"`;
	const token = bearerToken(request);
	if (token === undefined) {
		if (cookies.get(SESSION_COOKIE)) return { ok: false, response: await apiError(request, 403, 'forbidden', 'common:api.sessionIsNoToken') };
		return { ok: false, response: await apiError(request, 401, 'unauthorized', `common:api.tokenRequired.${roles[0]}`, { headers: { 'www-authenticate': realm } }) };
	}
	for (const role of roles) {
		const holder = await holderOf[role](locals.store, token);
		if (holder) return { ok: true, ...holder };
	}
	recordSignInRefusal('invalid-token');
	return { ok: false, response: await apiError(request, 401, 'unauthorized', 'common:api.tokenInvalid', { headers: { 'www-authenticate': `${realm}, error="invalid_token"` } }) };
}
