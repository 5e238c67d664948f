import type { Kysely } from 'kysely';
import type { Write } from '../store/engine.ts';
import { compiledOnce } from '../store/compiled-once.ts';
import type { AllColumns, AuditLogTable, Database } from '../store/schema.ts';
import type { Actor, AuditEntry } from './types.ts';

// Written by every change: compiled once.
const insertAuditEntry = compiledOnce((db, entry: AllColumns<AuditLogTable>) =>
	db.insertInto('audit_log').values({
		at: entry.at,
		organizer_email: entry.organizer_email,
		action: entry.action,
		pledge_id: entry.pledge_id,
		question_id: entry.question_id,
		detail: entry.detail,
		government: entry.government
	})
);

/** An audit entry of a change that no public page shows (an invitation, an account). */
export async function recordAudit(db: Kysely<Database>, actor: Actor, action: AuditEntry['action'], pledgeId: string | null, detail: string | null, at: string): Promise<void> {
	await insertAuditEntry(db, { at, organizer_email: actor.email, action, pledge_id: pledgeId, question_id: null, detail, government: actor.government ?? null });
}

/**
 * The audit entry of a change to the pledges, written in its transaction, and the change announced to
 * the pledges' listeners once committed. A reporter's change names their government.
 */
export async function recordChange(write: Write, actor: Actor, action: AuditEntry['action'], pledgeId: string | null, detail: string | null, at: string): Promise<void> {
	await recordAudit(write.db, actor, action, pledgeId, detail, at);
	write.announce('pledges');
}
