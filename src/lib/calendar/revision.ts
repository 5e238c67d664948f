/**
 * The calendar entry's revision. Calendars keep the copy with the highest SEQUENCE, so when the
 * session's time or place changes, add a revision (sequence + 1, the day of the change, the new
 * fingerprint); `revision.spec.ts` fails until then. Fixed data, never the build time: every build
 * gives byte-identical files.
 */
export interface Revision {
	sequence: number;
	/** DTSTAMP: when this revision was published (UTC). */
	stamp: Date;
	/** `scheduleFingerprint` of the entry this revision describes. */
	fingerprint: string;
}

export const revisions: readonly Revision[] = [
	{ sequence: 0, stamp: new Date('2026-11-29T00:00:00Z'), fingerprint: '2022-05-18T17:30:00.000Z/2022-05-18T18:30:00.000Z@40.7489,-73.968' }
];

export function currentRevision(): Revision {
	return revisions[revisions.length - 1];
}

/** What a revision must follow: the instants and the place (RFC 5545 §3.8.7.4). */
export function scheduleFingerprint(entry: { start: Date; end: Date; geo: { lat: number; lon: number } }): string {
	return `${entry.start.toISOString()}/${entry.end.toISOString()}@${entry.geo.lat},${entry.geo.lon}`;
}
