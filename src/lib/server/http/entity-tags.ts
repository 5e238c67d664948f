/** A tag without its weakness mark: two tags match weakly when these are equal (RFC 9110 8.8.3.2). */
const opaque = (tag: string) => tag.replace(/^W\//, '');

/**
 * The first of `candidates` that an If-None-Match names, compared weakly as that header is (a
 * compressed answer goes out under the weak form of its tag: src/lib/server/http/compress.js), in
 * the form the client sent it; `*` names the first. Undefined when it names none, or is absent.
 */
export function heldTag(ifNoneMatch: string | null, candidates: readonly string[]): string | undefined {
	const sent = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim()).filter(Boolean);
	if (sent.includes('*')) return candidates[0];
	for (const candidate of candidates) {
		const held = sent.find((tag) => opaque(tag) === opaque(candidate));
		if (held) return held;
	}
	return undefined;
}
