import { error } from '@sveltejs/kit';
import { isRecordId } from '../store/input-rule';
import type { Pledge, PledgeStore } from './types';

/** The pledge a public address shows (its page, its card); 404 for none, 410 for a withdrawn one. */
export async function publicPledge(store: PledgeStore, id: string): Promise<Pledge> {
	const entry = isRecordId(id) ? await store.get(id) : undefined;
	if (!entry) error(404, 'Not Found');
	if (entry.withdrawnAt) error(410, 'Gone');
	const { withdrawnAt: _withdrawn, ...pledge } = entry;
	return pledge;
}
