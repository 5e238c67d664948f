import type { Engine } from '../store/engine.ts';
import type { ReportersTable, Row } from '../store/schema.ts';
import { normalizeEmail } from '../organizers/accounts.ts';
import { hashSecret, newSecret, passwordMatches } from '../organizers/secrets.ts';
import { SESSION_HOURS } from '../organizers/sessions.ts';
import { recordAudit } from '../pledges/audit.ts';
import type { Actor } from '../pledges/types.ts';
import type { Reporter } from './types.ts';
import type { Language } from '../../i18n/languages.ts';

/** How the audit log and the console name a reporter's government: "Ville de Grigny (FR)". */
export const governmentName = ({ government, country }: { government: string; country: string }) => `${government} (${country})`;

export function toReporter(row: Row<ReportersTable>): Reporter {
	return {
		id: row.id,
		email: row.email,
		government: row.government,
		country: row.country,
		lang: row.lang as Language,
		createdAt: row.created_at,
		...(row.revoked_at ? { revokedAt: row.revoked_at } : {})
	};
}

/** The reporter as the audit log names them: their email and their government. */
export const reporterActor = (reporter: Reporter): Actor => ({ id: reporter.id, email: reporter.email, government: governmentName(reporter) });

/**
 * Reporters' accounts and sessions, above the engines, as strict as the organizers' (organizers/):
 * passwords as scrypt hashes, sessions as the hash of a random id that expires, a revoked
 * reporter's sessions ended at once.
 */
export function governmentReporters(engine: Engine) {
	const { db } = engine;
	const live = () => db.selectFrom('reporters').selectAll().where('revoked_at', 'is', null);

	return {
		/** The reporter (not revoked) whose email and password these are, else undefined. */
		async checkPassword(emailInput: string, password: string): Promise<Reporter | undefined> {
			const row = await live().where('email', '=', normalizeEmail(emailInput)).executeTakeFirst();
			return (await passwordMatches(password, row?.password_hash)) && row ? toReporter(row) : undefined;
		},

		async byId(id: string): Promise<Reporter | undefined> {
			const row = await db.selectFrom('reporters').selectAll().where('id', '=', id).executeTakeFirst();
			return row && toReporter(row);
		},

		/** Every reporter, revoked ones included, by government. */
		async list(): Promise<Reporter[]> {
			return (await db.selectFrom('reporters').selectAll().orderBy('country').orderBy('government').orderBy('email').execute()).map(toReporter);
		},

		/** Revokes a reporter and ends their sessions; false when there is none not revoked. */
		revoke(id: string, organizer: Actor, now = new Date()): Promise<boolean> {
			return engine.transaction(async (write) => {
				const row = await write.db.updateTable('reporters').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
				if (!row) return false;
				await write.db.deleteFrom('reporter_sessions').where('reporter_id', '=', id).execute();
				await recordAudit(write.db, organizer, 'reporter-revoked', null, `${governmentName(row)} ${row.email}`, now.toISOString());
				return true;
			});
		},

		sessions: {
			async start(reporterId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
				const id = newSecret();
				const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
				await engine.transaction(async (write) => {
					await write.db.deleteFrom('reporter_sessions').where('expires_at', '<', now.toISOString()).execute();
					await write.db.insertInto('reporter_sessions').values({ id_hash: hashSecret(id), reporter_id: reporterId, expires_at: expiresAt.toISOString() }).execute();
				});
				return { id, expiresAt };
			},

			/** The reporter (not revoked) of a live session, else undefined. */
			async reporterOf(id: string, now = new Date()): Promise<Reporter | undefined> {
				const row = await db
					.selectFrom('reporter_sessions as s')
					.innerJoin('reporters as r', 'r.id', 's.reporter_id')
					.selectAll('r')
					.where('s.id_hash', '=', hashSecret(id))
					.where('s.expires_at', '>', now.toISOString())
					.where('r.revoked_at', 'is', null)
					.executeTakeFirst();
				return row && toReporter(row);
			},

			async end(id: string): Promise<void> {
				await db.deleteFrom('reporter_sessions').where('id_hash', '=', hashSecret(id)).execute();
			}
		}
	};
}

export type GovernmentReporters = ReturnType<typeof governmentReporters>;
