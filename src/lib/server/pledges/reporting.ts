import { randomUUID } from 'node:crypto';
import type { Engine } from '../store/engine.ts';
import type { PledgesTable, Row } from '../store/schema.ts';
import { recordChange } from './audit.ts';
import { fieldColumns, toEntry } from './entries.ts';
import type { Actor, LedgerEntry, PledgeFields, PledgeTranslation } from './types.ts';

/** A local government as its reporter's invitation fixed it. */
export interface Government {
	government: string;
	country: string;
}

/** A pledge in its government's reporting area: its last public note's day, if any. */
export interface ReportedPledge extends LedgerEntry {
	lastReport?: string;
}

export type VerifyOutcome = { kind: 'done'; pledge: LedgerEntry } | { kind: 'missing' } | { kind: 'not-pending' };

/**
 * Governments' own pledges and the organizers' verification, above the engines: a reporter's
 * submission is stored `pending` (not public, not counted: ledger.ts shows `published` ones only)
 * until an organizer publishes or returns it. Every change is audited with who made it.
 */
export function pledgeReporting(engine: Engine) {
	const { db, dialect } = engine;
	const toLedgerEntry = (row: Row<PledgesTable>) => toEntry({ ...row, compacts: dialect.compacts.read(row.compacts) });

	return {
		/** A government's submission: waits for an organizer; its government and country are the reporter's. */
		submit(fields: Omit<PledgeFields, 'government' | 'country'>, lang: string, government: Government, actor: Actor): Promise<LedgerEntry> {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const input = { ...fields, ...government };
				const row = await write.db
					.insertInto('pledges')
					.values({
						id: randomUUID(),
						...fieldColumns(input, dialect.compacts.write(input.compacts)),
						status: 'planned',
						created_at: at,
						updated_at: at,
						withdrawn_at: null,
						verification: 'pending',
						reporter_id: actor.id,
						lang,
						verified_at: null,
						return_reason: null
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await recordChange(write, actor, 'submit', row.id, row.title, at);
				return toLedgerEntry(row);
			});
		},

		/** The government's pledges (every verification, not withdrawn), newest first, with their last report. */
		async ofGovernment({ government, country }: Government): Promise<ReportedPledge[]> {
			const rows = await db
				.selectFrom('pledges')
				.selectAll('pledges')
				// Per pledge, through the notes' index on (pledge_id, day): never a pass over every note of every government.
				.select((eb) =>
					eb
						.selectFrom('pledge_notes')
						.select((notes) => notes.fn.max('day').as('day'))
						.whereRef('pledge_notes.pledge_id', '=', 'pledges.id')
						.where('pledge_notes.hidden_at', 'is', null)
						.as('last_report')
				)
				.where('country', '=', country)
				.where('government', '=', government)
				.where('withdrawn_at', 'is', null)
				.orderBy('seq', 'desc')
				.execute();
			return rows.map(({ last_report, ...row }) => ({ ...toLedgerEntry(row), ...(last_report ? { lastReport: String(last_report) } : {}) }));
		},

		/** How many of the government's submissions wait (a reporter may have a few waiting at once). */
		async pendingOf(reporterId: string): Promise<number> {
			const { n } = await db
				.selectFrom('pledges')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('reporter_id', '=', reporterId)
				.where('verification', '=', 'pending')
				.executeTakeFirstOrThrow();
			return Number(n);
		},

		/** Submissions awaiting verification, oldest first. */
		async pending(): Promise<LedgerEntry[]> {
			const rows = await db.selectFrom('pledges').selectAll().where('verification', '=', 'pending').where('withdrawn_at', 'is', null).orderBy('seq', 'asc').execute();
			return rows.map(toLedgerEntry);
		},

		async pendingCount(): Promise<number> {
			const { n } = await db
				.selectFrom('pledges')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('verification', '=', 'pending')
				.where('withdrawn_at', 'is', null)
				.executeTakeFirstOrThrow();
			return Number(n);
		},

		/** Publishes or returns (with the reason the reporter sees) a pending submission. */
		verify(id: string, decision: { verification: 'published' } | { verification: 'returned'; reason: string }, actor: Actor): Promise<VerifyOutcome> {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const isPublished = decision.verification === 'published';
				const row = await write.db
					.updateTable('pledges')
					.set({
						verification: decision.verification,
						verified_at: isPublished ? at : null,
						return_reason: isPublished ? null : decision.reason,
						updated_at: at
					})
					.where('id', '=', id)
					.where('verification', '=', 'pending')
					.returningAll()
					.executeTakeFirst();
				if (!row) {
					const exists = await write.db.selectFrom('pledges').select('id').where('id', '=', id).executeTakeFirst();
					return exists ? { kind: 'not-pending' } : { kind: 'missing' };
				}
				await recordChange(write, actor, decision.verification, id, isPublished ? row.title : `${row.title} — ${decision.reason}`, at);
				return { kind: 'done', pledge: toLedgerEntry(row) };
			});
		},

		/** A returned submission corrected by its government: pending again. */
		resubmit(id: string, fields: Omit<PledgeFields, 'government' | 'country'>, government: Government, actor: Actor): Promise<LedgerEntry | undefined> {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const input = { ...fields, ...government };
				const row = await write.db
					.updateTable('pledges')
					.set({ ...fieldColumns(input, dialect.compacts.write(input.compacts)), verification: 'pending', return_reason: null, updated_at: at })
					.where('id', '=', id)
					.where('government', '=', government.government)
					.where('country', '=', government.country)
					.where('verification', '=', 'returned')
					.returningAll()
					.executeTakeFirst();
				if (!row) return undefined;
				await recordChange(write, actor, 'submit', id, row.title, at);
				return toLedgerEntry(row);
			});
		},

		/** Hides a note from the public (kept, with the reason); false when there is no such visible note. */
		hideNote(noteId: string, reason: string, actor: Actor): Promise<boolean> {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const note = await write.db
					.updateTable('pledge_notes')
					.set({ hidden_at: at, hidden_reason: reason })
					.where('id', '=', noteId)
					.where('hidden_at', 'is', null)
					.returning(['pledge_id'])
					.executeTakeFirst();
				if (!note) return false;
				await recordChange(write, actor, 'note-hidden', note.pledge_id, reason, at);
				return true;
			});
		},

		/** Adds or corrects the pledge's title and description in `lang`, another language than its original. */
		translate(id: string, translation: PledgeTranslation, actor: Actor): Promise<boolean> {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const pledge = await write.db.updateTable('pledges').set({ updated_at: at }).where('id', '=', id).returning('title').executeTakeFirst();
				if (!pledge) return false;
				const values = { title: translation.title, description: translation.description ?? null, updated_at: at };
				await write.db
					.insertInto('pledge_translations')
					.values({ pledge_id: id, lang: translation.lang, ...values })
					.onConflict((conflict) => conflict.columns(['pledge_id', 'lang']).doUpdateSet(values))
					.execute();
				await recordChange(write, actor, 'translate', id, `${translation.lang}: ${translation.title}`, at);
				return true;
			});
		},

		async translations(id: string): Promise<PledgeTranslation[]> {
			const rows = await db.selectFrom('pledge_translations').select(['lang', 'title', 'description']).where('pledge_id', '=', id).orderBy('lang').execute();
			return rows.map(({ lang, title, description }) => ({ lang, title, ...(description ? { description } : {}) }));
		}
	};
}

export type PledgeReporting = ReturnType<typeof pledgeReporting>;
