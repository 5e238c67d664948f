import type { ExpressionBuilder } from 'kysely';
import type { Engine } from '../store/engine.ts';
import type { Database } from '../store/schema.ts';
import type { Pledge, PledgeNote, PledgeStatus } from './types.ts';

/** What an entry of a feed names of its pledge. */
export type PledgeHeading = Pick<Pledge, 'id' | 'government' | 'country' | 'title'>;

/** One public step of a pledge's progress: it was recorded, its status changed, a note was added. */
export type ProgressEvent = {
	/** Stable, and unique among its pledge's events: `recorded`, `status-<audit seq>` or `note-<note id>`. */
	key: string;
	/** When it became public (ISO 8601). */
	at: string;
	pledge: PledgeHeading;
	/** Who reported it, when not the organizers (a government's reporter). */
	reportedBy?: string;
} & ({ kind: 'recorded' } | { kind: 'status'; status: PledgeStatus } | { kind: 'note'; note: PledgeNote });

/** Whose progress: every pledge, one country's, or one pledge's. */
export interface ProgressScope {
	country?: string;
	pledgeId?: string;
}

export interface PledgeProgress {
	/** The newest `limit` events of the pledges in scope, newest first; nothing of a withdrawn pledge. */
	recent(scope: ProgressScope, limit: number): Promise<ProgressEvent[]>;
}

// Status changes are the audit entries `status-<status>` (src/lib/server/pledges/ledger.ts).
const STATUS_ACTION = 'status-';

/** Newest first; at the same instant, a note before a status change before the record. */
const KIND_ORDER = { note: 0, status: 1, recorded: 2 } as const;
const newestFirst = (a: ProgressEvent, b: ProgressEvent) => b.at.localeCompare(a.at) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key);

/**
 * A pledge's progress as events, read from what the ledger keeps (the pledges, their notes, the
 * status entries of the audit log): three bounded reads, merged. Nothing is stored twice.
 */
export function pledgeProgress(engine: Engine): PledgeProgress {
	const { db } = engine;

	const inScope = (scope: ProgressScope) => (eb: ExpressionBuilder<Database, 'pledges'>) =>
		eb.and([
			eb('pledges.withdrawn_at', 'is', null),
			// A government's submission is public once an organizer publishes it (./reporting.ts).
			eb('pledges.verification', '=', 'published'),
			...(scope.country ? [eb('pledges.country', '=', scope.country)] : []),
			...(scope.pledgeId ? [eb('pledges.id', '=', scope.pledgeId)] : [])
		]);
	const HEADING = ['pledges.id as pledgeId', 'pledges.government', 'pledges.country', 'pledges.title'] as const;
	const headingOf = (row: { pledgeId: string; government: string; country: string; title: string }): PledgeHeading => ({
		id: row.pledgeId,
		government: row.government,
		country: row.country,
		title: row.title
	});

	return {
		async recent(scope, limit) {
			const [recorded, statuses, notes] = await Promise.all([
				db.selectFrom('pledges').select([...HEADING, 'pledges.created_at as at']).where(inScope(scope)).orderBy('pledges.seq', 'desc').limit(limit).execute(),
				db
					.selectFrom('audit_log')
					.innerJoin('pledges', 'pledges.id', 'audit_log.pledge_id')
					.select([...HEADING, 'audit_log.seq', 'audit_log.at', 'audit_log.action', 'audit_log.government as reportingGovernment'])
					.where('audit_log.action', 'like', `${STATUS_ACTION}%`)
					.where(inScope(scope))
					.orderBy('audit_log.seq', 'desc')
					.limit(limit)
					.execute(),
				db
					.selectFrom('pledge_notes')
					.innerJoin('pledges', 'pledges.id', 'pledge_notes.pledge_id')
					.select([...HEADING, 'pledge_notes.id as noteId', 'pledge_notes.day', 'pledge_notes.text', 'pledge_notes.created_at as at', 'pledge_notes.reporter_id'])
					// A note an organizer hid is no longer public.
					.where('pledge_notes.hidden_at', 'is', null)
					.where(inScope(scope))
					.orderBy('pledge_notes.seq', 'desc')
					.limit(limit)
					.execute()
			]);
			const events: ProgressEvent[] = [
				...recorded.map((row): ProgressEvent => ({ kind: 'recorded', key: 'recorded', at: row.at, pledge: headingOf(row) })),
				...statuses.map((row): ProgressEvent => ({
					kind: 'status',
					key: `status-${row.seq}`,
					at: row.at,
					pledge: headingOf(row),
					status: row.action.slice(STATUS_ACTION.length) as PledgeStatus,
					...(row.reportingGovernment ? { reportedBy: row.reportingGovernment } : {})
				})),
				...notes.map((row): ProgressEvent => ({
					kind: 'note',
					key: `note-${row.noteId}`,
					at: row.at,
					pledge: headingOf(row),
					note: { id: row.noteId, date: row.day, text: row.text, createdAt: row.at, author: row.reporter_id ? 'government' : 'organizers' },
					...(row.reporter_id ? { reportedBy: row.government } : {})
				}))
			];
			return events.sort(newestFirst).slice(0, limit);
		}
	};
}
