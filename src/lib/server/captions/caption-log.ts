import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import type { LogEntry, LogTopic } from '../stream/replay-log.ts';
import { publicLine } from './public-line.ts';
import type { CaptionStore } from './store.ts';
import type { CaptionLine } from './types.ts';

/** The live stream's topic of a language's captions: what `?captions=<lang>` follows. */
export const captionTopic = (lang: Language) => `captions-${lang}`;

/** Lines a stream resuming with Last-Event-ID can catch up on; a new stream starts with the panel's last few. */
export const CAPTIONS_KEPT = 200;
export const CAPTIONS_ON_START = 3;

const toEntry = (line: CaptionLine): LogEntry => ({ cursor: line.seq, key: line.id, data: JSON.stringify(publicLine(line)) });

/** One log topic per site language, read from the store after the last line it has. */
export function captionLogs(captions: CaptionStore): LogTopic[] {
	return LANGUAGES.map((lang) => ({
		event: captionTopic(lang),
		frameEvent: 'caption',
		changes: captions.changes,
		keep: CAPTIONS_KEPT,
		initial: CAPTIONS_ON_START,
		readAfter: async (cursor, page) => (await captions.after(lang, cursor, page)).map(toEntry),
		readLatest: async (count) => (await captions.latest(lang, count)).map(toEntry)
	}));
}
