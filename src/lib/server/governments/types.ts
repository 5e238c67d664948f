import type { Language } from '$lib/i18n/languages';

/** What an organizer gives to invite a government's reporter. */
export interface InvitationInput {
	government: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
	email: string;
	lang: Language;
}

/** Where an invitation link stands: only a `valid` one can be spent. */
export type InvitationState = 'valid' | 'expired' | 'spent' | 'revoked';

export interface Invitation extends InvitationInput {
	id: string;
	invitedBy: string;
	createdAt: string;
	expiresAt: string;
	spentAt?: string;
	revokedAt?: string;
	state: InvitationState;
}

/** A local or regional government's reporter: writes its government's pledges only. */
export interface Reporter {
	id: string;
	email: string;
	government: string;
	country: string;
	lang: Language;
	createdAt: string;
	revokedAt?: string;
}
