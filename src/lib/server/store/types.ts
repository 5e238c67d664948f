import type { CaptionerAccounts } from '../captions/captioners.ts';
import type { CaptionStore } from '../captions/store.ts';
import type { GovernmentInvitations } from '../governments/invitations.ts';
import type { GovernmentReporters } from '../governments/reporters.ts';
import type { RateLimits } from '../limits/rate-limit.ts';
import type { OrganizerAccounts } from '../organizers/accounts.ts';
import type { OrganizerSessions } from '../organizers/sessions.ts';
import type { ImportDrafts } from '../pledges/import-drafts.ts';
import type { PledgeReporting } from '../pledges/reporting.ts';
import type { PledgeProgress } from '../pledges/progress.ts';
import type { PledgeStore } from '../pledges/types.ts';
import type { QuestionStore } from '../questions/types.ts';
import type { SpeakingStore } from '../speaking/store.ts';

/**
 * Everything the server keeps, behind one asynchronous interface implemented once per engine:
 * `sqlite/` (one file, the default) and `postgres/` (several instances on one database).
 */
export interface Store extends PledgeStore {
	readonly engine: 'sqlite' | 'postgres';
	organizers: OrganizerAccounts;
	sessions: OrganizerSessions;
	/** The audience's moderated questions and votes. */
	questions: QuestionStore;
	/** Live caption lines, the transcript, and whether organizers opened captioning. */
	captions: CaptionStore;
	/** Who may post captions with a token. */
	captioners: CaptionerAccounts;
	/** Who an organizer says is speaking now (the broadcast overlay). */
	speaking: SpeakingStore;
	/** The pledges' public progress as events (the feeds). */
	progress: PledgeProgress;
	/** Attempts counted per key (sign-in), the same for every process and instance on the store. */
	limits: RateLimits;
	secrets: ServerSecrets;
	/** Local governments' own pledges, and the organizers' verification of them. */
	reporting: PledgeReporting;
	/** Invitation links for governments' reporters. */
	invitations: GovernmentInvitations;
	/** Governments' reporters: accounts and sessions. */
	reporters: GovernmentReporters;
	/** CSV files uploaded to the console, each waiting for its organizer's confirmation. */
	importDrafts: ImportDrafts;
	/** Whether the store answers a query, and whether a write reaches it (for /healthz). */
	health(): Promise<{ canRead: boolean; canWrite: boolean }>;
	close(): Promise<void>;
}

/** Keys every process of the site must share (cookie signatures): made once, kept in the store. */
export interface ServerSecrets {
	/** The 32-byte secret called `name`, created on first use; the same for every process on the store. */
	get(name: string): Promise<Buffer>;
}
