/**
 * The pledge ledger's shapes and the store interface. Engines (SQLite today) implement
 * `PledgeStore`; the live stream listens to `PledgeChanges`.
 */
export type Compact = 'GCM' | 'GCR';

/** What an organizer submits (already validated and normalized). */
export interface PledgeInput {
	government: string;
	/** ISO 3166-1 alpha-2, upper case. */
	country: string;
	title: string;
	description?: string;
	compacts: Compact[];
	url?: string;
}

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

/** Told after every committed change to the ledger. */
export type PledgeChangeListener = () => void;

export interface PledgeChanges {
	subscribe(listener: PledgeChangeListener): () => void;
}
