import type { AuditEntry, Compact, LedgerEntry, Pledge, PledgeNote, PledgeStatus } from './types.ts';

/** A pledge row as either engine reads it, once its columns are plain values (times as ISO 8601). */
export interface PledgeRow {
	id: string;
	government: string;
	country: string;
	title: string;
	description: string | null;
	compacts: Compact[];
	url: string | null;
	status: PledgeStatus;
	createdAt: string;
	updatedAt: string;
	withdrawnAt: string | null;
}

export function toEntry(row: PledgeRow): LedgerEntry {
	const entry: LedgerEntry = {
		id: row.id,
		government: row.government,
		country: row.country,
		title: row.title,
		compacts: row.compacts,
		status: row.status,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
	if (row.description) entry.description = row.description;
	if (row.url) entry.url = row.url;
	if (row.withdrawnAt) entry.withdrawnAt = row.withdrawnAt;
	return entry;
}

export function toPledge(row: PledgeRow): Pledge {
	const { withdrawnAt: _withdrawn, ...pledge } = toEntry(row);
	return pledge;
}

/** Notes read in their order (latest day first), grouped by pledge. */
export function groupNotes(rows: (PledgeNote & { pledgeId: string })[]): Map<string, PledgeNote[]> {
	const byPledge = new Map<string, PledgeNote[]>();
	for (const { pledgeId, ...note } of rows) byPledge.set(pledgeId, [...(byPledge.get(pledgeId) ?? []), note]);
	return byPledge;
}

export interface AuditRow {
	at: string;
	organizerEmail: string;
	action: AuditEntry['action'];
	pledgeId: string | null;
	detail: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
	return {
		at: row.at,
		organizerEmail: row.organizerEmail,
		action: row.action,
		...(row.pledgeId ? { pledgeId: row.pledgeId } : {}),
		...(row.detail ? { detail: row.detail } : {})
	};
}

/** Newest pledges carried by a snapshot, and the most a list returns. */
export const LATEST = 5;
export const MAX_LIMIT = 1000;

export const clampLimit = (limit: number | undefined) => Math.min(Math.max(1, Math.floor(limit ?? MAX_LIMIT)), MAX_LIMIT);
