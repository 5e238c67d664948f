import type { RequestEvent } from '@sveltejs/kit';
import { pledgeFromForm, validatePledge, type FieldErrors } from '../../pledges/schema.ts';
import type { PledgeFields } from '../pledges/types.ts';
import { clientAddress } from '../http/client-address.ts';
import type { RateDecision, RateRule } from '../limits/rate-limit.ts';
import type { ReportedPledge } from '../pledges/reporting.ts';
import { isRecordId } from '../store/input-rule.ts';
import type { Store } from '../store/types.ts';
import type { Reporter } from './types.ts';

/** Submissions one government may have waiting at once. */
export const MAX_PENDING = 20;
const HOUR = 3600_000;
/** Writes a reporter, and an address, may make per hour (kept in the store: every instance counts them). */
export const WRITES_PER_HOUR = { reporter: 60, address: 200 } as const;

/**
 * The pledge `id` if it is the reporter's government's own (not withdrawn), else undefined: the
 * reporter's pages answer 404 for any other id, whoever's it is.
 */
export async function ownPledge(store: Store, reporter: Reporter, id: string): Promise<ReportedPledge | undefined> {
	if (!isRecordId(id)) return undefined;
	return (await store.reporting.ofGovernment(reporter)).find((pledge) => pledge.id === id);
}

/** Counts one write by this reporter from this address, or refuses it with the wait. */
export async function takeReporterWrite(store: Store, reporter: Reporter, event: Pick<RequestEvent, 'getClientAddress'>): Promise<RateDecision> {
	const address = clientAddress(event) ?? 'unknown';
	const rules: RateRule[] = [
		{ key: `report:reporter:${reporter.id}`, limit: WRITES_PER_HOUR.reporter, windowMs: HOUR },
		{ key: `report:address:${address}`, limit: WRITES_PER_HOUR.address, windowMs: HOUR }
	];
	return store.limits.take(rules);
}

export type Submission =
	| { ok: true; fields: Omit<PledgeFields, 'government' | 'country'> }
	| { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** A submission's form checked by the pledge schema, its government and country the reporter's whatever the form says. */
export function submissionFromForm(form: FormData, reporter: Reporter): Submission {
	const values = { ...pledgeFromForm(form), government: reporter.government, country: reporter.country };
	const result = validatePledge(values);
	if (!result.success) return { ok: false, errors: result.errors, values };
	// A status too: a submission starts planned.
	const { government: _government, country: _country, status: _status, ...fields } = result.pledge;
	return { ok: true, fields };
}
