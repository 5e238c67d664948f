import nodemailer, { type Transporter } from 'nodemailer';
import { event } from '$lib/event/event';
import { translatorFor } from '$lib/event/translator';
import { countryName, formatDate } from '$lib/i18n/format';
import type { Invitation } from './types';

/** Who the invitations come from: SMTP_FROM, else the SMTP URL's user, else a no-reply address of the SMTP host. */
function sender(smtpUrl: URL, from: string | undefined): string {
	if (from) return from;
	const user = decodeURIComponent(smtpUrl.username);
	return user.includes('@') ? user : `no-reply@${smtpUrl.hostname}`;
}

let transport: { url: string; mailer: Transporter } | undefined;

function mailer(url: string): Transporter {
	if (transport?.url !== url) transport = { url, mailer: nodemailer.createTransport(url) };
	return transport.mailer;
}

/**
 * Sends the invitation to its reporter, in the invitation's language, through the SMTP server of
 * `smtpUrl` (SMTP_URL: `smtp://user:pass@host:587`, `smtps://…:465`). Plain text only: the
 * government's name is typed by an organizer and goes into no markup. True once the SMTP server took
 * the message; false without an SMTP URL or when the server refused it (the link shown once in the
 * console, or returned by the API, still works).
 */
export async function sendInvitationMail(invitation: Invitation, url: string, smtpUrl: string | undefined, from?: string): Promise<boolean> {
	if (!smtpUrl?.trim()) return false;
	const t = await translatorFor(invitation.lang);
	const values = {
		government: invitation.government,
		country: countryName(invitation.country, invitation.lang),
		expires: formatDate(new Date(invitation.expiresAt), invitation.lang, event.timeZone),
		url
	};
	try {
		await mailer(smtpUrl.trim()).sendMail({
			from: sender(new URL(smtpUrl.trim()), from),
			to: invitation.email,
			subject: t('governments:email.subject', values),
			text: t('governments:email.body', values),
			headers: { 'content-language': invitation.lang }
		});
		return true;
	} catch (error) {
		console.error(`The invitation could not be e-mailed: ${(error as Error).message}`);
		return false;
	}
}
