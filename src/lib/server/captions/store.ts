import { randomUUID } from 'node:crypto';
import type { Language } from '../../i18n/languages.ts';
import type { Actor } from '../pledges/types.ts';
import type { CaptionCorrection, CaptionEngine, CaptionLine, CaptionPost, PostOutcome } from './types.ts';

/** The audit log's names for what organizers do to captions: all begin with "caption" (the pledges' last change leaves them out). */
export const CAPTION_AUDIT = {
	opened: 'captions-open',
	closed: 'captions-close',
	corrected: 'caption-correct',
	hidden: 'caption-hide',
	shown: 'caption-show'
} as const;

export type CorrectionOutcome = 'corrected' | 'not-found' | 'not-final';

/** The captions' rules over one engine's records: the store every caller uses. */
export function captionStore(engine: CaptionEngine) {
	const { records } = engine;
	return {
		changes: engine.changes,

		/** Stores a line, or replaces the partial line with its id; a final line stays as it is (organizers correct it). */
		post(post: CaptionPost, now: Date = new Date()): Promise<PostOutcome> {
			const id = post.id ?? randomUUID();
			return engine.write(
				async (records): Promise<PostOutcome> => {
					const previous = post.id === undefined ? undefined : await records.byId(post.lang, id);
					if (previous?.isFinal) return { kind: 'final-already' };
					const at = now.toISOString();
					const line = await records.replace({ id, lang: post.lang, text: post.text, isFinal: post.isFinal, startedAt: previous?.startedAt ?? at, at });
					return { kind: 'stored', line };
				},
				{ locks: [`caption:${post.lang}:${id}`], isChange: (outcome) => outcome.kind === 'stored' }
			);
		},

		/** Every version after `seq` in the language, oldest first (the live stream's read). */
		after: (lang: Language, seq: number, limit: number) => records.after(lang, seq, limit),
		latest: (lang: Language, count: number) => records.latest(lang, count),

		/** The final lines as the public reads them: hidden ones left out. */
		async transcript(lang: Language): Promise<CaptionLine[]> {
			return (await records.finalLines(lang)).filter((line) => !line.isHidden);
		},
		/** Every final line, hidden ones too (the console). */
		finalLines: (lang: Language) => records.finalLines(lang),

		/**
		 * An organizer corrects a final line's text or hides it (or shows it again); audited with the
		 * text before and after. The corrected line is a new version of it, announced: open captions
		 * pages replace it (or take it away, hidden) as they replace a partial line.
		 */
		correct(lang: Language, id: string, correction: CaptionCorrection, actor: Actor, now: Date = new Date()): Promise<CorrectionOutcome> {
			return engine.write(
				async (records): Promise<CorrectionOutcome> => {
					const line = await records.byId(lang, id);
					if (!line) return 'not-found';
					if (!line.isFinal) return 'not-final';
					const { seq: _seq, ...kept } = line;
					await records.replace({ ...kept, text: correction.text ?? line.text, isHidden: correction.isHidden ?? line.isHidden });
					const detail = `${lang}:${id}`;
					if (correction.text !== undefined && correction.text !== line.text) {
						await records.audit({ at: now, actor, action: CAPTION_AUDIT.corrected, detail: `${detail} ${JSON.stringify({ from: line.text, to: correction.text })}` });
					}
					if (correction.isHidden !== undefined && correction.isHidden !== line.isHidden) {
						await records.audit({ at: now, actor, action: correction.isHidden ? CAPTION_AUDIT.hidden : CAPTION_AUDIT.shown, detail });
					}
					return 'corrected';
				},
				{ locks: [`caption:${lang}:${id}`], isChange: (outcome) => outcome === 'corrected' }
			);
		},

		/** Whether an organizer opened captioning (outside its window too). */
		isOpen: () => records.isOpen(),
		/** Audited when it changes anything. */
		setOpen(isOpen: boolean, actor: Actor, now: Date = new Date()): Promise<boolean> {
			return engine.write(
				async (records) => {
					const hasChanged = await records.setOpen(isOpen, now);
					if (hasChanged) await records.audit({ at: now, actor, action: isOpen ? CAPTION_AUDIT.opened : CAPTION_AUDIT.closed, detail: null });
					return hasChanged;
				},
				{ isChange: () => false }
			);
		}
	};
}

export type CaptionStore = ReturnType<typeof captionStore>;
