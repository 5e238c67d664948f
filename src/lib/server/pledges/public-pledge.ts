import { error } from '@sveltejs/kit';
import { isRecordId } from '../store/input-rule';
import type { Pledge, PledgeStore } from './types';

/**
 * The pledge a public address shows (its page, its card); 404 for none and for a government's
 * submission not published by the organizers, 410 for a withdrawn one. `lang`: the language its
 * government wrote it in, when known.
 */
export async function publicPledge(store: PledgeStore, id: string): Promise<Pledge & { lang?: string }> {
	const entry = isRecordId(id) ? await store.get(id) : undefined;
	if (!entry || entry.verification) error(404, 'Not Found');
	if (entry.withdrawnAt) error(410, 'Gone');
	const { withdrawnAt: _withdrawn, verification: _verification, returnReason: _reason, ...pledge } = entry;
	return pledge;
}
