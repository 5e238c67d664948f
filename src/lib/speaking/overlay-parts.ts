/** The boxes the broadcast overlay can show, in the order `?show=` names them in the docs. */
export const OVERLAY_PARTS = ['speaker', 'count', 'question'] as const;
export type OverlayPart = (typeof OVERLAY_PARTS)[number];

/** The stream's topic each box follows: one connection carries them all (`/api/live?topics=`). */
const TOPIC_OF: Record<OverlayPart, string> = { speaker: 'speaking', count: 'count', question: 'questions' };

/**
 * `?show=speaker,count` as the boxes to show, in the overlay's order; unknown names are left out, and
 * a value naming none of them (or no value) shows every box, so a typo never blanks the stream.
 */
export function shownParts(show: string | null): OverlayPart[] {
	const asked = new Set((show ?? '').split(',').map((name) => name.trim().toLowerCase()));
	const shown = OVERLAY_PARTS.filter((part) => asked.has(part));
	return shown.length > 0 ? shown : [...OVERLAY_PARTS];
}

/** The live stream's address carrying exactly the topics these boxes follow. */
export function overlayStreamUrl(parts: readonly OverlayPart[]): string {
	return `/api/live?topics=${parts.map((part) => TOPIC_OF[part]).join(',')}`;
}
