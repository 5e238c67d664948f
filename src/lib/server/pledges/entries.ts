import type { AllColumns, PledgesTable, Row } from '../store/schema.ts';
import type { AuditEntry, Compact, LedgerEntry, Pledge, PledgeFields, PledgeNote } from './types.ts';
import { pledgeSearchText } from '../../pledges/search.ts';

/** A pledge's row as either engine reads it, its compacts read by the engine's dialect. */
export type PledgeRow = Omit<Row<PledgesTable>, 'compacts'> & { compacts: Compact[] };

/** The columns a pledge's own fields fill (a correction writes them all again). */
type FieldColumn = Exclude<
	keyof AllColumns<PledgesTable>,
	'id' | 'status' | 'created_at' | 'updated_at' | 'withdrawn_at' | 'verification' | 'reporter_id' | 'lang' | 'verified_at' | 'return_reason' | 'last_report_at'
>;

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
		updatedAt: row.updated_at,
		reportedBy: row.reporter_id ? 'government' : 'organizers'
	};
	if (row.verification !== 'published') entry.verification = row.verification;
	if (row.description) entry.description = row.description;
	if (row.url) entry.url = row.url;
	if (row.last_report_at) entry.lastReportAt = row.last_report_at;
	if (row.withdrawn_at) entry.withdrawnAt = row.withdrawn_at;
	if (row.verified_at) entry.verifiedAt = row.verified_at;
	if (row.return_reason) entry.returnReason = row.return_reason;
	if (row.lang) entry.lang = row.lang;
	return entry;
}

export function toPledge(row: PledgeRow): Pledge {
	const { withdrawnAt: _withdrawn, verification: _verification, returnReason: _reason, lang: _lang, ...pledge } = toEntry(row);
	return pledge;
}

/** A note's row as both engines read it (the columns `NOTE_COLUMNS` select). */
export interface NoteRow {
	pledgeId: string;
	id: string;
	date: string;
	text: string;
	createdAt: string;
	reporterId: string | null;
	lang: string | null;
	evidence: string | null;
	hiddenAt: string | null;
	hiddenReason: string | null;
}

export const NOTE_COLUMNS = [
	'pledge_id as pledgeId',
	'id',
	'day as date',
	'text',
	'created_at as createdAt',
	'reporter_id as reporterId',
	'lang',
	'evidence_url as evidence',
	'hidden_at as hiddenAt',
	'hidden_reason as hiddenReason'
] as const;

export function toNote(row: NoteRow): PledgeNote & { pledgeId: string } {
	const note: PledgeNote & { pledgeId: string } = {
		pledgeId: row.pledgeId,
		id: row.id,
		date: row.date,
		text: row.text,
		createdAt: row.createdAt,
		author: row.reporterId ? 'government' : 'organizers'
	};
	if (row.lang) note.lang = row.lang;
	if (row.evidence) note.evidence = row.evidence;
	if (row.hiddenAt) note.hidden = { at: row.hiddenAt, reason: row.hiddenReason ?? '' };
	return note;
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
	government: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
	return {
		at: row.at,
		organizerEmail: row.organizerEmail,
		action: row.action,
		...(row.pledgeId ? { pledgeId: row.pledgeId } : {}),
		...(row.detail ? { detail: row.detail } : {}),
		...(row.government ? { government: row.government } : {})
	};
}

/** Newest pledges carried by a snapshot, and the most a list returns. */
export const LATEST = 5;
export const MAX_LIMIT = 1000;

export const clampLimit = (limit: number | undefined) => Math.min(Math.max(1, Math.floor(limit ?? MAX_LIMIT)), MAX_LIMIT);
