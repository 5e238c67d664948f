/**
 * JSON for a <script type="application/ld+json"> block: `<` escaped (as `\u003c`, which JSON reads
 * back as `<`) so that no value, however it was stored, can close the tag or open a comment.
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}
