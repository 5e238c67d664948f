/** What a calendar revision must follow: the instants and the place (RFC 5545 §3.8.7.4). */
export function scheduleFingerprint(entry: { start: Date; end: Date; geo: { lat: number; lon: number } }): string {
	return `${entry.start.toISOString()}/${entry.end.toISOString()}@${entry.geo.lat},${entry.geo.lon}`;
}
