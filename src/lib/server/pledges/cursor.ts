/**
 * The `cursor` of a page of the list, as the API and the list page's links carry it: an opaque
 * string for clients, the store's position (`PledgePage.next`) inside.
 */
const PREFIX = 'after:';

export function encodeCursor(position: number): string {
	return Buffer.from(`${PREFIX}${position}`).toString('base64url');
}

/** The position a cursor stands for; `undefined` for anything this site did not make. */
export function decodeCursor(cursor: string): number | undefined {
	if (!/^[A-Za-z0-9_-]{1,32}$/.test(cursor)) return undefined;
	const match = /^after:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
	const position = match ? Number(match[1]) : NaN;
	// Only the one spelling this site writes: no padding variants, no leading zeros.
	return Number.isSafeInteger(position) && encodeCursor(position) === cursor ? position : undefined;
}
