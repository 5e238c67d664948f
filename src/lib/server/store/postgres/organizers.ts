import type pg from 'pg';
import type { Organizer, OrganizerRecord, OrganizerRecords } from '../../organizers/accounts.ts';
import type { SessionRecords } from '../../organizers/sessions.ts';
import { inTransaction, poolQuery } from './database.ts';

const COLUMNS = 'id, email, password_hash AS "passwordHash", token_hash AS "tokenHash", created_at AS "createdAt"';
type Row = Omit<OrganizerRecord, 'createdAt'> & { createdAt: Date };
const toRecord = (row: Row): OrganizerRecord => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Organizers' rows in PostgreSQL. */
export function postgresOrganizerRecords(pool: pg.Pool): OrganizerRecords {
	const query = poolQuery(pool);
	const one = async (where: string, value: string) => {
		const [row] = await query<Row>(`SELECT ${COLUMNS} FROM organizers WHERE ${where} = $1`, [value]);
		return row && toRecord(row);
	};
	return {
		async insert(record) {
			const rows = await query(
				'INSERT INTO organizers (id, email, password_hash, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id',
				[record.id, record.email, record.passwordHash, record.tokenHash, record.createdAt]
			);
			return rows.length > 0;
		},
		byEmail: (email) => one('email', email),
		byId: (id) => one('id', id),
		async list() {
			return (await query<Row>(`SELECT ${COLUMNS} FROM organizers ORDER BY email`)).map(toRecord);
		},
		async removeByEmail(email) {
			return (await query('DELETE FROM organizers WHERE email = $1 RETURNING id', [email])).length > 0;
		}
	};
}

/** Console sessions' rows in PostgreSQL: valid on every instance. */
export function postgresSessionRecords(pool: pg.Pool): SessionRecords {
	const query = poolQuery(pool);
	return {
		async insert(idHash, organizerId, expiresAt, now) {
			await inTransaction(pool, async (q) => {
				await q('DELETE FROM sessions WHERE expires_at < $1', [now]);
				await q('INSERT INTO sessions (id_hash, organizer_id, expires_at) VALUES ($1, $2, $3)', [idHash, organizerId, expiresAt]);
			});
		},
		async organizerOf(idHash, now) {
			const [row] = await query<{ id: string; email: string; createdAt: Date }>(
				`SELECT o.id, o.email, o.created_at AS "createdAt" FROM sessions s JOIN organizers o ON o.id = s.organizer_id
				 WHERE s.id_hash = $1 AND s.expires_at > $2`,
				[idHash, now]
			);
			return row && ({ ...row, createdAt: row.createdAt.toISOString() } satisfies Organizer);
		},
		async remove(idHash) {
			await query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
		}
	};
}
