import type { AllColumns, PledgesTable, Row } from '../store/schema.ts';
import type { AuditEntry, Compact, LedgerEntry, Pledge, PledgeFields, PledgeNote } from './types.ts';
import { pledgeSearchText } from '../../pledges/search.ts';

/** A pledge's row as either engine reads it, its compacts read by the engine's dialect. */
export type PledgeRow = Omit<Row<PledgesTable>, 'compacts'> & { compacts: Compact[] };

/** The columns a pledge's own fields fill (a correction writes them all again). */
type FieldColumn = Exclude<keyof AllColumns<PledgesTable>, 'id' | 'status' | 'created_at' | 'updated_at' | 'withdrawn_at' | 'last_report_at'>;

/**
 * Every column a pledge's fields fill, none left out: a column added to the table fails the type
 * check here until it is given. `compacts` comes written by the engine's dialect.
 */
export function fieldColumns(input: PledgeFields, compacts: AllColumns<PledgesTable>['compacts']): Pick<AllColumns<PledgesTable>, FieldColumn> {
	return {
		government: input.government,
		country: input.country,
		title: input.title,
		description: input.description ?? null,
		compacts,
		url: input.url ?? null,
		search_text: pledgeSearchText(input)
	};
}

export function toEntry(row: PledgeRow): LedgerEntry {
	const entry: LedgerEntry = {
		id: row.id,
		government: row.government,
		country: row.country,
		title: row.title,
		compacts: row.compacts,
		status: row.status,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
	if (row.description) entry.description = row.description;
	if (row.url) entry.url = row.url;
	if (row.last_report_at) entry.lastReportAt = row.last_report_at;
	if (row.withdrawn_at) entry.withdrawnAt = row.withdrawn_at;
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
