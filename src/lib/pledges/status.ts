/**
 * How far a pledge has come. No imports: the store (run by the organizers command without the
 * bundler) reads these too.
 */
export const STATUSES = ['planned', 'in-progress', 'achieved'] as const;
export type PledgeStatus = (typeof STATUSES)[number];

/** What a pledge is until an organizer says otherwise. */
export const DEFAULT_STATUS: PledgeStatus = 'planned';

export const isStatus = (value: unknown): value is PledgeStatus => STATUSES.includes(value as PledgeStatus);

/** A status as people write it in a spreadsheet: "In progress", "IN_PROGRESS", " achieved " all count; blank is none. */
export function statusFromCell(cell: string): string | undefined {
	const code = cell.trim().toLowerCase().replace(/[\s_]+/g, '-');
	return code === '' ? undefined : code;
}
