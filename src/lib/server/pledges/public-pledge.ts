import { error } from '@sveltejs/kit';
import type { Pledge, PledgeStore } from './types';

// Ids are the store's UUIDs; anything else is no pledge, without asking the store.
const PLEDGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isPledgeId = (id: string) => PLEDGE_ID.test(id);

/**
 * The pledge a public address shows (its page, its card); 404 for none and for a government's
 * submission not published by the organizers, 410 for a withdrawn one.
 */
export async function publicPledge(store: PledgeStore, id: string): Promise<Pledge> {
	const entry = PLEDGE_ID.test(id) ? await store.get(id) : undefined;
	if (!entry || entry.verification) error(404, 'Not Found');
	if (entry.withdrawnAt) error(410, 'Gone');
	const { withdrawnAt: _withdrawn, verification: _verification, returnReason: _reason, lang: _lang, ...pledge } = entry;
	return pledge;
}
