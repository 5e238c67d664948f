import { randomUUID } from 'node:crypto';
import type { Engine } from '../store/engine.ts';
import type { GovernmentInvitationsTable, Row } from '../store/schema.ts';
import { hashSecret, newSecret } from '../organizers/secrets.ts';
import { recordAudit } from '../pledges/audit.ts';
import type { Actor } from '../pledges/types.ts';
import { governmentName, toReporter } from './reporters.ts';
import type { Invitation, InvitationInput, InvitationState, Reporter } from './types.ts';
import type { Language } from '../../i18n/languages.ts';

/** An invitation link is valid this long, and spent by its first use. */
export const INVITATION_DAYS = 7;
// 256 bits: the link is the only secret until the reporter has chosen a password.
const TOKEN_BYTES = 32;

export type AcceptOutcome = { kind: 'accepted'; reporter: Reporter } | { kind: Exclude<InvitationState, 'valid'> } | { kind: 'unknown' };

function stateOf(row: Row<GovernmentInvitationsTable>, now: Date): InvitationState {
	if (row.spent_at) return 'spent';
	if (row.revoked_at) return 'revoked';
	return Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'valid';
}

function toInvitation(row: Row<GovernmentInvitationsTable>, now: Date): Invitation {
	return {
		id: row.id,
		government: row.government,
		country: row.country,
		email: row.email,
		lang: row.lang as Language,
		invitedBy: row.invited_by,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		...(row.spent_at ? { spentAt: row.spent_at } : {}),
		...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
		state: stateOf(row, now)
	};
}

const expiryFrom = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
const described = (invitation: Pick<Invitation, 'government' | 'country' | 'email'>) => `${governmentName(invitation)} ${invitation.email}`;

/**
 * Invitations of governments' reporters, above the engines: the link's secret is shown once and only
 * its hash is kept; spending it (creating the reporter's account) is one transaction that succeeds
 * once, for a link neither spent, revoked nor expired.
 */
export function governmentInvitations(engine: Engine) {
	const { db } = engine;
	const byId = (id: string) => db.selectFrom('government_invitations').selectAll().where('id', '=', id).executeTakeFirst();

	return {
		/** A new invitation; its token is returned this once. */
		invite(input: InvitationInput, organizer: Actor, now = new Date()): Promise<{ token: string; invitation: Invitation }> {
			return engine.transaction(async (write) => {
				const token = newSecret(TOKEN_BYTES);
				const row = await write.db
					.insertInto('government_invitations')
					.values({
						id: randomUUID(),
						token_hash: hashSecret(token),
						government: input.government,
						country: input.country,
						email: input.email,
						lang: input.lang,
						invited_by: organizer.email,
						created_at: now.toISOString(),
						expires_at: expiryFrom(now),
						spent_at: null,
						revoked_at: null,
						reporter_id: null
					})
					.returningAll()
					.executeTakeFirstOrThrow();
				await recordAudit(write.db, organizer, 'invite', null, described(input), now.toISOString());
				return { token, invitation: toInvitation(row, now) };
			});
		},

		/** The invitation a link names, with its state; undefined for a link that names none. */
		async inspect(token: string, now = new Date()): Promise<Invitation | undefined> {
			const row = await db.selectFrom('government_invitations').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
			return row && toInvitation(row, now);
		},

		/**
		 * Spends the link: creates the reporter's account with this password hash (or gives an account
		 * of the same email, revoked or of another government, the invitation's government again).
		 */
		accept(token: string, passwordHash: string, now = new Date()): Promise<AcceptOutcome> {
			return engine.transaction(async (write) => {
				const at = now.toISOString();
				const reporterId = randomUUID();
				const spent = await write.db
					.updateTable('government_invitations')
					.set({ spent_at: at, reporter_id: reporterId })
					.where('token_hash', '=', hashSecret(token))
					.where('spent_at', 'is', null)
					.where('revoked_at', 'is', null)
					.where('expires_at', '>', at)
					.returningAll()
					.executeTakeFirst();
				if (!spent) {
					const row = await write.db.selectFrom('government_invitations').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
					return row ? ({ kind: stateOf(row, now) } as { kind: Exclude<InvitationState, 'valid'> }) : { kind: 'unknown' };
				}
				const account = { government: spent.government, country: spent.country, lang: spent.lang, password_hash: passwordHash, revoked_at: null };
				const row = await write.db
					.insertInto('reporters')
					.values({ id: reporterId, email: spent.email, created_at: at, ...account })
					.onConflict((conflict) => conflict.column('email').doUpdateSet(account))
					.returningAll()
					.executeTakeFirstOrThrow();
				if (row.id !== reporterId) await write.db.updateTable('government_invitations').set({ reporter_id: row.id }).where('id', '=', spent.id).execute();
				const reporter = toReporter(row);
				await recordAudit(write.db, { id: reporter.id, email: reporter.email, government: governmentName(reporter) }, 'invite-accepted', null, described(spent), at);
				return { kind: 'accepted', reporter };
			});
		},

		/** Newest first. */
		async list(now = new Date(), limit = 200): Promise<Invitation[]> {
			const rows = await db.selectFrom('government_invitations').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
			return rows.map((row) => toInvitation(row, now));
		},

		/** Revokes a link not spent yet; false when there is none such. */
		revoke(id: string, organizer: Actor, now = new Date()): Promise<boolean> {
			return engine.transaction(async (write) => {
				const row = await write.db
					.updateTable('government_invitations')
					.set({ revoked_at: now.toISOString() })
					.where('id', '=', id)
					.where('spent_at', 'is', null)
					.where('revoked_at', 'is', null)
					.returningAll()
					.executeTakeFirst();
				if (row) await recordAudit(write.db, organizer, 'invite-revoked', null, described(row), now.toISOString());
				return Boolean(row);
			});
		},

		/** A new link (and seven more days) for an invitation not spent yet: the old link no longer works. */
		resend(id: string, organizer: Actor, now = new Date()): Promise<{ token: string; invitation: Invitation } | undefined> {
			return engine.transaction(async (write) => {
				const token = newSecret(TOKEN_BYTES);
				const row = await write.db
					.updateTable('government_invitations')
					.set({ token_hash: hashSecret(token), expires_at: expiryFrom(now), revoked_at: null })
					.where('id', '=', id)
					.where('spent_at', 'is', null)
					.returningAll()
					.executeTakeFirst();
				if (!row) return undefined;
				await recordAudit(write.db, organizer, 'invite-resent', null, described(row), now.toISOString());
				return { token, invitation: toInvitation(row, now) };
			});
		},

		byId: async (id: string, now = new Date()) => {
			const row = await byId(id);
			return row && toInvitation(row, now);
		}
	};
}

export type GovernmentInvitations = ReturnType<typeof governmentInvitations>;
