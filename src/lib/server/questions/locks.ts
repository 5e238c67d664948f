import type { Writer } from './types.ts';

/**
 * The names writes hold so that those which must not interleave wait for each other (on PostgreSQL;
 * SQLite has one writer at a time): see WriteOptions.locks.
 */

/** Every move onto the screen: two moderations never both keep theirs on screen. */
export const SCREEN_LOCK = 'on-screen';

/** One question: a vote and a rejection of it happen one after the other. */
export const questionLock = (id: string) => `question:${id}`;

/** One writer's hashes: two asks of one browser or address are counted one after the other. */
export const writerLocks = (writer: Writer) => [`browser:${writer.browser}`, ...writer.addresses.map((address) => `address:${address}`)];
