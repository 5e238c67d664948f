import type * as v from 'valibot';
import type { COMPACTS, PledgeSchema } from './schema';

/**
 * The pledge's shapes, derived from the one schema (src/lib/pledges/schema.ts): shared by the
 * server, the pages and the browser. The store's interface lives in src/lib/server/pledges/types.ts.
 */
export type Compact = (typeof COMPACTS)[number];

type Validated = v.InferOutput<typeof PledgeSchema>;

/** What an organizer submits, validated and normalized: blank optional fields are left out. */
export type PledgeInput = Omit<Validated, 'description' | 'url'> & Partial<Pick<Validated, 'description' | 'url'>>;

/** A stored pledge as the public sees it. */
export interface Pledge extends PledgeInput {
	id: string;
	createdAt: string;
	updatedAt: string;
}

/** The public state of the ledger: what every open page shows. */
export interface PledgeSnapshot {
	/** Pledges handed over (withdrawn ones excluded). */
	count: number;
	/** ISO 8601 time of the last change. */
	updatedAt: string;
	/** Newest first, a few. */
	latest: Pledge[];
}

/** A pledge as organizers see it: withdrawn ones stay, marked. */
export interface LedgerEntry extends Pledge {
	withdrawnAt?: string;
}

export interface PledgeFilter {
	country?: string;
	compact?: Compact;
	limit?: number;
	/** Words that must all appear in the government, title or description (any case, any accents). */
	q?: string;
}
