import { randomUUID } from 'node:crypto';
import type { Engine } from '../store/engine.ts';

/** How long an uploaded file waits for the organizer's confirmation. */
export const IMPORT_DRAFT_LIFETIME_MS = 24 * 60 * 60_000;

/**
 * CSV files uploaded to the console and not yet imported: the preview is a page of its own (post/redirect/get),
 * so the file waits here between the upload and the confirmation. Each organizer has one at the most.
 */
export interface ImportDrafts {
	/** Keeps the file until it is confirmed or expires, in place of the organizer's previous one; gives its id. */
	save(organizerId: string, csv: string): Promise<string>;
	/** The file of this organizer's draft, unless it expired or was imported. */
	read(id: string, organizerId: string): Promise<string | undefined>;
	/** Takes the draft away and gives its file: of two confirmations of one preview, only one gets it. */
	take(id: string, organizerId: string): Promise<string | undefined>;
}

/** The drafts' rules over either engine's rows. */
export function importDrafts(engine: Engine): ImportDrafts {
	const now = () => new Date().toISOString();
	return {
		async save(organizerId, csv) {
			const id = randomUUID();
			const createdAt = new Date();
			await engine.transaction(async ({ db }) => {
				// One draft an organizer, and none past its lifetime: the table never grows beyond the organizers.
				await db
					.deleteFrom('import_drafts')
					.where((where) => where.or([where('organizer_id', '=', organizerId), where('expires_at', '<=', createdAt.toISOString())]))
					.execute();
				await db
					.insertInto('import_drafts')
					.values({ id, organizer_id: organizerId, csv, expires_at: new Date(createdAt.getTime() + IMPORT_DRAFT_LIFETIME_MS).toISOString() })
					.execute();
			});
			return id;
		},
		async read(id, organizerId) {
			const row = await engine.db
				.selectFrom('import_drafts')
				.select('csv')
				.where('id', '=', id)
				.where('organizer_id', '=', organizerId)
				.where('expires_at', '>', now())
				.executeTakeFirst();
			return row?.csv;
		},
		async take(id, organizerId) {
			const row = await engine.db
				.deleteFrom('import_drafts')
				.where('id', '=', id)
				.where('organizer_id', '=', organizerId)
				.where('expires_at', '>', now())
				.returning('csv')
				.executeTakeFirst();
			return row?.csv;
		}
	};
}
