import type { Actor, PledgeChanges } from '../pledges/types.ts';

/** Who an organizer says is speaking now (the broadcast overlay's lower third), or nobody. */
export interface NowSpeaking {
	/** A speaker's id in the event's facts; null: nobody picked. */
	speakerId: string | null;
	/** When it was last picked or cleared (ISO 8601). */
	updatedAt: string;
}

/** What the store gives (src/lib/server/store/speaking.ts, the same on both engines); the rules are in store.ts beside this file. */
export interface SpeakingRecords {
	read(): Promise<NowSpeaking>;
	/** False when it was so already. */
	set(speakerId: string | null, at: Date): Promise<boolean>;
	audit(entry: { at: Date; actor: Actor; action: string; detail: string | null }): Promise<void>;
}

/** The speaker on one engine: records, a write transaction (announced on `speaking` when it changes anything), news. */
export interface SpeakingEngine {
	records: SpeakingRecords;
	write<T>(work: (records: SpeakingRecords) => Promise<T>, isChange: (result: T) => boolean): Promise<T>;
	changes: PledgeChanges;
}
