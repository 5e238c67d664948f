import type { ListPosition, PublicStatus } from '../../questions/types.ts';
import { isRecordId } from '../store/input-rule.ts';

const STATUSES: readonly PublicStatus[] = ['approved', 'answered'];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The `?cursor=` of the page after `position`: opaque to clients, checked like any input when it comes back. */
export function encodeCursor({ status, votes, createdAt, id }: ListPosition): string {
	return Buffer.from(JSON.stringify([status, votes, createdAt, id])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this server made (the caller answers 400). */
export function decodeCursor(cursor: string): ListPosition | undefined {
	if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (!Array.isArray(value) || value.length !== 4) return undefined;
		const [status, votes, createdAt, id] = value as unknown[];
		if (!STATUSES.includes(status as PublicStatus) || !Number.isSafeInteger(votes)) return undefined;
		if (typeof createdAt !== 'string' || !ISO_INSTANT.test(createdAt) || typeof id !== 'string' || !isRecordId(id)) return undefined;
		return { status: status as PublicStatus, votes: votes as number, createdAt, id };
	} catch {
		return undefined;
	}
}
