import { connectStream } from './shared-source';

/** A caption line as the live stream carries it (src/lib/server/captions/public-line.ts). */
export interface CaptionLineView {
	seq: number;
	id: string;
	lang: string;
	text: string;
	final: boolean;
	/** When the line began: its place among the others, a correction's too. */
	startedAt?: string;
	at: string;
	/** An organizer hid it: the page takes it away. */
	hidden?: boolean;
}

/** The stream of one language's captions: the count only beside them, the smallest public topic. */
export const captionsStreamUrl = (lang: string) => `/api/live?topics=count&captions=${encodeURIComponent(lang)}`;

const isLine = (value: unknown): value is CaptionLineView => {
	const line = value as Partial<CaptionLineView> | null;
	return typeof line?.seq === 'number' && typeof line.id === 'string' && typeof line.text === 'string' && typeof line.final === 'boolean' && (line.hidden === undefined || typeof line.hidden === 'boolean');
};

// In the order lines began: an organizer's correction (a newer version) keeps its line's place.
const bySpokenOrder = (a: CaptionLineView, b: CaptionLineView) => (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.seq - b.seq;

/**
 * The lines with `line` in: a line with the same id is replaced (a partial line's next version, an
 * organizer's correction) or taken away (hidden), a version older than the one held is ignored (a
 * resumed stream may repeat one); the newest `max`, in the order they began.
 */
export function withLine(lines: readonly CaptionLineView[], line: CaptionLineView, max: number): CaptionLineView[] {
	const held = lines.find((candidate) => candidate.id === line.id);
	if (held && held.seq >= line.seq) return [...lines];
	if (!held && (line.hidden || lines.some((candidate) => candidate.seq >= line.seq))) return [...lines];
	const others = lines.filter((candidate) => candidate.id !== line.id);
	return (line.hidden ? others : [...others, line]).sort(bySpokenOrder).slice(-max);
}

/** Follows one language's captions; the browser resumes the stream with Last-Event-ID by itself. Returns the stop. */
export function followCaptions(lang: string, onLine: (line: CaptionLineView) => void): () => void {
	const connection = connectStream(captionsStreamUrl(lang));
	connection.on('caption', (message) => {
		try {
			const line: unknown = JSON.parse(message.data);
			if (isLine(line)) onLine(line);
		} catch {
			// Not a line: nothing to show.
		}
	});
	return () => connection.release();
}
