/**
 * A list of questions kept in step by changes: the stream sends a snapshot with a version, then only
 * what changed, each with the next version (README, "The live stream"). Pure, shared by the server
 * (which computes the changes) and the browser (which applies them).
 */

/** The live stream's events for the questions: each list a snapshot, then its changes (README, "The live stream"). */
export const QUESTION_EVENTS = { questions: 'questions', questionChanges: 'questions-delta', moderation: 'moderation', moderationChanges: 'moderation-delta' } as const;

/** What the changes need of an item: an id, and the count of votes that moves most often. */
export interface Listed {
	id: string;
	votes: number;
}

/** What changed between two versions; an absent field: nothing of that kind. */
export interface ListChange<T extends Listed> {
	version: number;
	open?: boolean;
	/** Items new to the list or changed otherwise than by their votes: the whole item, as it is now. */
	put?: T[];
	/** Items whose only change is their count of votes: the new count, by id. */
	votes?: Record<string, number>;
	/** Ids of items that left the list (rejected, deleted, or out of its bounded top). */
	drop?: string[];
}

/** A list at one version: whether questions are open, and its items by id. */
export interface VersionedList<T extends Listed> {
	version: number;
	open: boolean;
	items: ReadonlyMap<string, T>;
}

const withoutVotes = (item: Listed) => JSON.stringify({ ...item, votes: 0 });

/** What changed from `before` to `after` (same version numbering left to the caller); undefined when nothing did. */
export function changeBetween<T extends Listed>(before: VersionedList<T>, after: Omit<VersionedList<T>, 'version'>): Omit<ListChange<T>, 'version'> | undefined {
	const change: Omit<ListChange<T>, 'version'> = {};
	if (before.open !== after.open) change.open = after.open;
	const put: T[] = [];
	const votes: Record<string, number> = {};
	let hasVotes = false;
	for (const [id, item] of after.items) {
		const old = before.items.get(id);
		if (!old || withoutVotes(old) !== withoutVotes(item)) put.push(item);
		else if (old.votes !== item.votes) {
			votes[id] = item.votes;
			hasVotes = true;
		}
	}
	const drop = [...before.items.keys()].filter((id) => !after.items.has(id));
	if (put.length > 0) change.put = put;
	if (hasVotes) change.votes = votes;
	if (drop.length > 0) change.drop = drop;
	return Object.keys(change).length > 0 ? change : undefined;
}

/** The list after `change`; undefined when the change is not the next version (a gap: ask for a new snapshot). */
export function applyChange<T extends Listed>(list: VersionedList<T>, change: ListChange<T>): VersionedList<T> | undefined {
	if (change.version !== list.version + 1) return undefined;
	const items = new Map(list.items);
	for (const id of change.drop ?? []) items.delete(id);
	for (const item of change.put ?? []) items.set(item.id, item);
	for (const [id, votes] of Object.entries(change.votes ?? {})) {
		const item = items.get(id);
		if (item) items.set(id, { ...item, votes });
	}
	return { version: change.version, open: change.open ?? list.open, items };
}

/** Items by id, in the order given. */
export const byId = <T extends Listed>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));

/** A change's data as the stream sends it, if it has the shape (the server wrote it; a proxy may not have). */
export function parseListChange<T extends Listed>(value: unknown, parseItem: (item: unknown) => T | undefined): ListChange<T> | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { version, open, put, votes, drop } = value as Record<string, unknown>;
	if (!Number.isSafeInteger(version)) return undefined;
	if (open !== undefined && typeof open !== 'boolean') return undefined;
	if (put !== undefined && !Array.isArray(put)) return undefined;
	if (drop !== undefined && !(Array.isArray(drop) && drop.every((id) => typeof id === 'string'))) return undefined;
	if (votes !== undefined && (votes === null || typeof votes !== 'object' || !Object.values(votes).every((n) => Number.isSafeInteger(n)))) return undefined;
	const items = (put ?? []).map(parseItem);
	if (items.some((item) => item === undefined)) return undefined;
	return {
		version: version as number,
		...(open === undefined ? {} : { open }),
		...(put === undefined ? {} : { put: items as T[] }),
		...(votes === undefined ? {} : { votes: votes as Record<string, number> }),
		...(drop === undefined ? {} : { drop: drop as string[] })
	};
}
