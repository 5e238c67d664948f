import { CSV_COLUMNS } from './csv';
import type { Pledge, PledgeNote, Verification } from './types';

/**
 * What the open data holds, listed once: the CSV's columns, the JSON's fields. The page that explains
 * them (/{lang}/open-data) documents each of these names with the words `openData:fields.<name>`
 * (a pledge's), `openData:envelope.<name>` (the JSON answer's own) and `openData:note.<name>`.
 */

/** Every pledge in the open data is one the public may see: published by the organizers. */
const PUBLISHED: Verification = 'published';

/** A pledge as the open data gives it. */
export const openPledge = (pledge: Pledge) => ({ ...pledge, verification: PUBLISHED, lastReportAt: pledge.lastReportAt ?? null });
export type OpenPledge = ReturnType<typeof openPledge>;

/**
 * The CSV's columns: the import's own, then the pledge's id, when it was recorded, its last progress
 * report; then who wrote it and its verification (added later: at the end, so that no column moves).
 */
export const EXPORT_COLUMNS = ['id', ...CSV_COLUMNS, 'createdAt', 'lastReportAt', 'reportedBy', 'verification', 'verifiedAt'] as const satisfies readonly (keyof OpenPledge)[];

/** A progress note in the JSON. */
export const openNote = ({ date, text }: PledgeNote) => ({ date, text });

/** The fields of each pledge in the JSON, in the order they are documented (optional ones are left out when empty). */
export const JSON_PLEDGE_FIELDS = [
	'id',
	'government',
	'country',
	'title',
	'description',
	'compacts',
	'url',
	'status',
	'createdAt',
	'updatedAt',
	'reportedBy',
	'verification',
	'verifiedAt',
	'lastReportAt',
	'notes'
] as const satisfies readonly (keyof OpenPledge | 'notes')[];

export const JSON_NOTE_FIELDS = ['date', 'text'] as const satisfies readonly (keyof ReturnType<typeof openNote>)[];

/** The JSON answer's own fields around the pledges. */
export const JSON_ENVELOPE_FIELDS = ['count', 'updatedAt', 'matching', 'license', 'pledges', 'nextCursor'] as const;

/** The pledge fields documented once for both formats (a CSV column means what the JSON field of that name means). */
export const PLEDGE_FIELDS: readonly string[] = [...new Set<string>([...JSON_PLEDGE_FIELDS, ...EXPORT_COLUMNS])];
