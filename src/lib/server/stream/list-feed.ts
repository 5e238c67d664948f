import { byId, changeBetween, type Listed, type VersionedList } from '../../questions/list-changes.ts';

/**
 * A topic's read when the topic is sent as a snapshot and then its changes (the questions): the
 * snapshot for newcomers and for streams that fell behind, the change for every stream that has the
 * version before it. `isChanged` false: nothing anyone can see changed, and nothing is sent.
 */
export interface TopicUpdate {
	state: string;
	change?: string;
	isChanged: boolean;
}

/**
 * Turns successive reads of a list into versioned snapshots and changes (src/lib/questions/list-changes.ts).
 * One per topic and process: versions count this process's reads, so a client that reconnects
 * (perhaps to another instance) starts again from a snapshot.
 */
export class ListFeed<T extends Listed> {
	readonly #snapshotOf: (list: VersionedList<T>) => object;
	#list: VersionedList<T> | undefined;
	#state = '';

	/** `snapshotOf`: the snapshot event's data for a list (the shape its clients read as the whole state). */
	constructor(snapshotOf: (list: VersionedList<T>) => object) {
		this.#snapshotOf = snapshotOf;
	}

	/**
	 * The update after reading `items` (in the order the snapshot shows them) and whether questions are
	 * `open`; `extra`: fields of the snapshot alone (the cursors of the next pages), never a change by themselves.
	 */
	next(open: boolean, items: readonly T[], extra: object = {}): TopicUpdate {
		const after = { open, items: byId(items) };
		if (!this.#list) return this.#keep({ version: 1, ...after }, undefined, extra);
		const change = changeBetween(this.#list, after);
		if (!change) return { state: this.#state, isChanged: false };
		const version = this.#list.version + 1;
		return this.#keep({ version, ...after }, JSON.stringify({ version, ...change }), extra);
	}

	#keep(list: VersionedList<T>, change: string | undefined, extra: object): TopicUpdate {
		this.#list = list;
		this.#state = JSON.stringify({ ...this.#snapshotOf(list), ...extra, version: list.version });
		return { state: this.#state, change, isChanged: true };
	}
}
