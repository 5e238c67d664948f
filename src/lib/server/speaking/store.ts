import type { Actor } from '../pledges/types.ts';
import type { NowSpeaking, SpeakingEngine } from './types.ts';

/** The audit log's names for the "now speaking" control. */
export const SPEAKING_AUDIT = { picked: 'speaker-pick', cleared: 'speaker-clear' } as const;

/** A speaker's id as the event's facts write them: short, plain (the caller checks it names one of the event's people). */
export const SPEAKER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The "now speaking" rules over one engine's records: the store every caller uses. */
export function speakingStore(engine: SpeakingEngine) {
	return {
		changes: engine.changes,
		current: (): Promise<NowSpeaking> => engine.records.read(),
		/**
		 * An organizer picks who is speaking (null: nobody); audited and announced when it changes
		 * anything. False when it was so already; throws for a value that is no speaker's id.
		 */
		async set(speakerId: string | null, actor: Actor, now: Date = new Date()): Promise<boolean> {
			if (speakerId !== null && !SPEAKER_ID.test(speakerId)) throw new Error(`not a speaker's id: ${JSON.stringify(speakerId)}`);
			return engine.write(
				async (records) => {
					const hasChanged = await records.set(speakerId, now);
					if (hasChanged) {
						await records.audit({ at: now, actor, action: speakerId ? SPEAKING_AUDIT.picked : SPEAKING_AUDIT.cleared, detail: speakerId });
					}
					return hasChanged;
				},
				(hasChanged) => hasChanged
			);
		}
	};
}

export type SpeakingStore = ReturnType<typeof speakingStore>;
