import type { Language } from '../../i18n/languages.ts';
import type { Organizer } from '../organizers/accounts.ts';
import type { Actor, PledgeChanges } from '../pledges/types.ts';

/** One caption line in its latest version, as viewers and the transcript get it. */
export interface CaptionLine {
	/** Grows with every version of every line: a stream's cursor. */
	seq: number;
	id: string;
	lang: Language;
	text: string;
	isFinal: boolean;
	isHidden: boolean;
	/** When the line's first version came (ISO 8601). */
	startedAt: string;
	/** When this version came. */
	at: string;
}

/** A line as a captioner posts it, validated (line-input.ts). */
export interface CaptionPost {
	lang: Language;
	text: string;
	isFinal: boolean;
	/** Absent: a new line, with an id the server makes. */
	id?: string;
}

export type PostOutcome = { kind: 'stored'; line: CaptionLine } | { kind: 'final-already' };

/** An organizer's correction of a final line: its text, or whether the transcript shows it. */
export interface CaptionCorrection {
	text?: string;
	isHidden?: boolean;
}

/** Who posted: a captioner or an organizer, by their token. */
export type CaptionerAccount = Organizer;

/** What the store gives the captions (src/lib/server/store/captions.ts, the same on both engines); the rules are in this folder. */
export interface CaptionRecords {
	byId(lang: Language, id: string): Promise<CaptionLine | undefined>;
	/**
	 * Replaces the line's version with this id (if any) by a new one (a partial line's next, or an
	 * organizer's correction), with a new `seq`: the live stream sends it after the cursor viewers hold. Not hidden unless said.
	 */
	replace(line: Omit<CaptionLine, 'seq' | 'isHidden'> & { isHidden?: boolean }): Promise<CaptionLine>;
	/** Every version after `seq` in the language, oldest first, at most `limit`. */
	after(lang: Language, seq: number, limit: number): Promise<CaptionLine[]>;
	/** The newest `count` lines of the language, oldest first. */
	latest(lang: Language, count: number): Promise<CaptionLine[]>;
	/** Final lines of the language in the order they began. */
	finalLines(lang: Language): Promise<CaptionLine[]>;
	isOpen(): Promise<boolean>;
	/** False when it was so already. */
	setOpen(isOpen: boolean, at: Date): Promise<boolean>;
	audit(entry: { at: Date; actor: Actor; action: string; detail: string | null }): Promise<void>;
}

export interface CaptionerRecord extends CaptionerAccount {
	tokenHash: string;
}

export interface CaptionerRecords {
	/** False when a captioner with this email exists already. */
	insert(record: CaptionerRecord): Promise<boolean>;
	byId(id: string): Promise<CaptionerRecord | undefined>;
	list(): Promise<CaptionerRecord[]>;
	removeByEmail(email: string): Promise<boolean>;
}

/** The captions on one engine: records, write transactions (announced on `captions` when they change anything), news. */
export interface CaptionEngine {
	records: CaptionRecords;
	/** `locks`: names held till the end (PostgreSQL's instances posting the same line wait for each other). */
	write<T>(work: (records: CaptionRecords) => Promise<T>, options: { locks?: readonly string[]; isChange: (result: T) => boolean }): Promise<T>;
	changes: PledgeChanges;
}
