import type * as v from 'valibot';
import type { COMPACTS, PledgeSchema } from './schema';
import type { ReportFilter } from './freshness';
import type { PledgeStatus } from './status';

export type { PledgeStatus } from './status';

/**
 * The pledge's shapes, derived from the one schema (src/lib/pledges/schema.ts): shared by the
 * server, the pages and the browser. The store's interface lives in src/lib/server/pledges/types.ts.
 */
export type Compact = (typeof COMPACTS)[number];

type Validated = v.InferOutput<typeof PledgeSchema>;

type Optional = 'description' | 'url' | 'status';

/** What an organizer submits, validated and normalized: blank optional fields are left out (no status: planned). */
export type PledgeInput = Omit<Validated, Optional> & Partial<Pick<Validated, Optional>>;

/** What a correction changes: everything but the progress (its status is set on its own). */
export type PledgeFields = Omit<PledgeInput, 'status'>;

/** Where a pledge stands with the organizers: a government's submission is public once published. */
export type Verification = 'pending' | 'published' | 'returned';
export const VERIFICATIONS = ['pending', 'published', 'returned'] as const satisfies readonly Verification[];

/** Who wrote a pledge or a note: the organizers, or the government's own reporter. */
export type Author = 'organizers' | 'government';

/** A stored pledge as the public sees it. */
export interface Pledge extends PledgeInput {
	id: string;
	status: PledgeStatus;
	createdAt: string;
	updatedAt: string;
	reportedBy: Author;
	/** When an organizer published a government's submission. */
	verifiedAt?: string;
	/** Its last progress report (a status change or a note), if it has one (src/lib/pledges/freshness.ts). */
	lastReportAt?: string;
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
	/** Absent: published (every pledge the organizers recorded); a government's submission says where it stands. */
	verification?: Exclude<Verification, 'published'>;
	/** Why an organizer returned the submission. */
	returnReason?: string;
	/** The language the title and description were first written in, when known. */
	lang?: string;
}

/** A pledge's title and description in another language than its original one. */
export interface PledgeTranslation {
	lang: string;
	title: string;
	description?: string;
}

export interface PledgeFilter {
	country?: string;
	compact?: Compact;
	status?: PledgeStatus;
	limit?: number;
	/** Words that must all appear in the government, title or description (any case, any accents). */
	q?: string;
	/** Pledges with a report (or recorded) since `since`, or without (src/lib/pledges/freshness.ts). */
	report?: { filter: ReportFilter; since: string };
}

/** A dated note on a pledge's progress, as an organizer gives it. */
export interface NoteInput {
	/** The day the progress happened, YYYY-MM-DD (New York). */
	date: string;
	text: string;
	/** A page that shows the progress (http/https). */
	evidence?: string;
	/** The language the note is written in, when known. */
	lang?: string;
}

/** A stored progress note: public, shown on the pledge's page, unless an organizer hid it. */
export interface PledgeNote extends NoteInput {
	id: string;
	createdAt: string;
	author: Author;
	/** Organizers' view only: hidden notes, with the reason. */
	hidden?: { at: string; reason: string };
}
