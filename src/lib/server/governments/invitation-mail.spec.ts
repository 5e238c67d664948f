import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { countryName } from '$lib/i18n/format';
import { translatorFor } from '$lib/event/translator';
import { LANGUAGES } from '$lib/i18n/languages';
import { sendInvitationMail } from './invitation-mail';
import type { Invitation } from './types';

/** Messages a real SMTP server (smtp-server) received, raw, by recipient. */
const received = new Map<string, string>();
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				for (const to of session.envelope.rcptTo) received.set(to.address, Buffer.concat(chunks).toString('utf8'));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const invitation = (lang: Invitation['lang']): Invitation => ({
	id: 'i1',
	government: 'Ville de Grigny',
	country: 'FR',
	email: `reporter-${lang}@example.org`,
	lang,
	invitedBy: 'organizer@example.org',
	createdAt: '2026-01-01T00:00:00.000Z',
	expiresAt: '2026-01-08T00:00:00.000Z',
	state: 'valid'
});

/** The message's text part, its quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
	Buffer.from(
		raw
			.split(/\r?\n\r?\n/)
			.slice(1)
			.join('\n\n')
			.replace(/=\r?\n/g, '')
			.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
		'latin1'
	).toString('utf8');

describe('the invitation e-mail', () => {
	for (const lang of LANGUAGES) {
		it(`reaches the SMTP server in the invitee's language (${lang}), with the link`, async () => {
			const link = `https://example.org/${lang}/report/invitation/abc`;
			expect(await sendInvitationMail(invitation(lang), link, smtpUrl, 'platform@example.org')).toBe(true);
			const raw = received.get(`reporter-${lang}@example.org`)!;
			const t = await translatorFor(lang);
			const body = decoded(raw);
			expect(body).toContain(link);
			expect(body).toContain(t('governments:email.body', { government: 'Ville de Grigny', country: countryName('FR', lang), expires: '\u0000' }).split('\u0000')[0].trim());
			expect(raw).toMatch(/^From: platform@example\.org/m);
			expect(raw).toMatch(new RegExp(`^Content-Language: ${lang}`, 'mi'));
		});
	}

	it('is not sent without SMTP_URL, nor when the server cannot be reached', async () => {
		expect(await sendInvitationMail(invitation('en'), 'https://example.org/x', undefined)).toBe(false);
		expect(await sendInvitationMail(invitation('en'), 'https://example.org/x', 'smtp://127.0.0.1:1')).toBe(false);
	});
});
