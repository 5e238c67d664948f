// What every engine must do for local governments' reporting (issue 22): invitations, reporters,
// submissions and their verification, reporters' notes and versions. Run on each engine by
// tests/store/contracts.ts. Not a spec file itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVITATION_DAYS } from '$lib/server/governments/invitations';
import { reporterActor } from '$lib/server/governments/reporters';
import type { Reporter } from '$lib/server/governments/types';
import { hashPassword } from '$lib/server/organizers/secrets';
import type { Store } from '$lib/server/store/types';
import type { Engine } from './contract';
import { organizerOf } from './engines';

const grigny = { government: 'Ville de Grigny', country: 'FR' };
const kampala = { government: 'Kampala Capital City Authority', country: 'UG' };
const fields = (title: string) => ({ title, compacts: ['GCM' as const] });
const DAY = 86_400_000;
// One hash for every account of the suite: scrypt is slow on purpose.
const passwordHash = hashPassword('twelve chars or more');

export function governmentsContract(name: string, engine: () => Engine) {
	let current: Engine;
	let store: Store;
	let organizer: { id: string; email: string };

	beforeEach(async () => {
		current = engine();
		store = await current.open();
		organizer = await organizerOf(store);
	});

	afterEach(async () => {
		await store.close();
		await current.cleanUp?.();
	});

	async function reporterOf(government: typeof grigny, email = `reporter@${government.country.toLowerCase()}.example.org`): Promise<Reporter> {
		const { token } = await store.invitations.invite({ ...government, email, lang: 'fr' }, organizer);
		const outcome = await store.invitations.accept(token, passwordHash);
		if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
		return outcome.reporter;
	}

	describe(`governments' reporting on the ${name} store`, () => {
		it('keeps an invitation link of 256 random bits as its hash only, valid for seven days', async () => {
			const now = new Date();
			const { token, invitation } = await store.invitations.invite({ ...grigny, email: 'maire@grigny.example.org', lang: 'fr' }, organizer, now);
			expect(Buffer.from(token, 'base64url')).toHaveLength(32);
			expect(Date.parse(invitation.expiresAt) - now.getTime()).toBe(INVITATION_DAYS * DAY);
			const stored = JSON.stringify(await store.invitations.list());
			expect(stored).not.toContain(token);
			expect((await store.invitations.inspect(token))?.state).toBe('valid');
			expect(await store.invitations.inspect(`${token}x`)).toBeUndefined();
		});

		it('spends a link once: the account is made and the link then says it is spent', async () => {
			const { token } = await store.invitations.invite({ ...grigny, email: 'maire@grigny.example.org', lang: 'fr' }, organizer);
			const first = await store.invitations.accept(token, passwordHash);
			expect(first).toMatchObject({ kind: 'accepted', reporter: { ...grigny, email: 'maire@grigny.example.org', lang: 'fr' } });
			expect(await store.invitations.accept(token, passwordHash)).toEqual({ kind: 'spent' });
			expect(await store.reporters.list()).toHaveLength(1);
		});

		it('refuses an expired, a revoked and an unknown link, storing no account', async () => {
			const long = new Date(Date.now() - (INVITATION_DAYS * DAY + 1000));
			const expired = await store.invitations.invite({ ...grigny, email: 'a@grigny.example.org', lang: 'fr' }, organizer, long);
			const revoked = await store.invitations.invite({ ...grigny, email: 'b@grigny.example.org', lang: 'en' }, organizer);
			expect(await store.invitations.revoke(revoked.invitation.id, organizer)).toBe(true);
			expect(await store.invitations.accept(expired.token, passwordHash)).toEqual({ kind: 'expired' });
			expect(await store.invitations.accept(revoked.token, passwordHash)).toEqual({ kind: 'revoked' });
			expect(await store.invitations.accept('no-such-link', passwordHash)).toEqual({ kind: 'unknown' });
			expect(await store.reporters.list()).toEqual([]);
		});

		it('resends a link: the old one stops working, the new one is valid seven days more', async () => {
			const { token, invitation } = await store.invitations.invite({ ...grigny, email: 'a@grigny.example.org', lang: 'fr' }, organizer);
			const resent = await store.invitations.resend(invitation.id, organizer);
			expect(resent?.token).not.toBe(token);
			expect(await store.invitations.accept(token, passwordHash)).toEqual({ kind: 'unknown' });
			expect((await store.invitations.accept(resent!.token, passwordHash)).kind).toBe('accepted');
			expect(await store.invitations.resend(invitation.id, organizer)).toBeUndefined();
		});

		it('signs a reporter in with their password, and a revoked reporter out of every session', async () => {
			const reporter = await reporterOf(grigny);
			expect(await store.reporters.checkPassword(reporter.email.toUpperCase(), 'twelve chars or more')).toMatchObject({ id: reporter.id });
			expect(await store.reporters.checkPassword(reporter.email, 'wrong password here')).toBeUndefined();
			const session = await store.reporters.sessions.start(reporter.id);
			expect(await store.reporters.sessions.reporterOf(session.id)).toMatchObject({ id: reporter.id, ...grigny });
			expect(await store.reporters.sessions.reporterOf(session.id, new Date(session.expiresAt.getTime() + 1))).toBeUndefined();
			expect(await store.reporters.revoke(reporter.id, organizer)).toBe(true);
			expect(await store.reporters.sessions.reporterOf(session.id)).toBeUndefined();
			expect(await store.reporters.checkPassword(reporter.email, 'twelve chars or more')).toBeUndefined();
		});

		it('leaves the time of the last public change alone when inviting, accepting, submitting or returning', async () => {
			const before = (await store.snapshot()).updatedAt;
			const later = new Date(Date.parse(before) + DAY);
			const { token } = await store.invitations.invite({ ...grigny, email: 'maire@grigny.example.org', lang: 'fr' }, organizer, later);
			const outcome = await store.invitations.accept(token, passwordHash, later);
			if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
			const submitted = await store.reporting.submit(fields('Pas encore publique'), 'fr', grigny, reporterActor(outcome.reporter));
			await store.reporting.verify(submitted.id, { verification: 'returned', reason: 'Précisez le calendrier.' }, organizer);
			expect((await store.snapshot()).updatedAt).toBe(before);
		});

		it('keeps a submission out of the count, the lists and the countries until an organizer publishes it', async () => {
			const reporter = await reporterOf(grigny);
			const submitted = await store.reporting.submit(fields('Une maison des migrants'), 'fr', grigny, reporterActor(reporter));
			expect(submitted).toMatchObject({ verification: 'pending', reportedBy: 'government', lang: 'fr', ...grigny });
			expect(await store.snapshot()).toMatchObject({ count: 0, latest: [] });
			expect(await store.list()).toEqual([]);
			expect((await store.listPage({}, { limit: 10 })).matching).toBe(0);
			expect(await store.countryCounts()).toEqual([]);
			expect((await store.reporting.pending()).map((p) => p.id)).toEqual([submitted.id]);
			expect(await store.reporting.pendingCount()).toBe(1);

			const verified = await store.reporting.verify(submitted.id, { verification: 'published' }, organizer);
			expect(verified).toMatchObject({ kind: 'done', pledge: { verifiedAt: expect.any(String) } });
			expect(verified.kind === 'done' && verified.pledge.verification).toBeUndefined();
			expect((await store.snapshot()).count).toBe(1);
			expect((await store.list()).map((p) => [p.title, p.reportedBy])).toEqual([['Une maison des migrants', 'government']]);
			expect(await store.countryCounts()).toEqual([{ country: 'FR', count: 1 }]);
			expect(await store.reporting.pendingCount()).toBe(0);
			expect(await store.reporting.verify(submitted.id, { verification: 'returned', reason: 'late' }, organizer)).toEqual({ kind: 'not-pending' });
			expect(await store.reporting.verify(crypto.randomUUID(), { verification: 'published' }, organizer)).toEqual({ kind: 'missing' });
		});

		it('returns a submission with a reason its government sees, and takes it back once corrected', async () => {
			const reporter = await reporterOf(grigny);
			const submitted = await store.reporting.submit(fields('Trop vague'), 'fr', grigny, reporterActor(reporter));
			await store.reporting.verify(submitted.id, { verification: 'returned', reason: 'Précisez le calendrier.' }, organizer);
			const [mine] = await store.reporting.ofGovernment(grigny);
			expect(mine).toMatchObject({ verification: 'returned', returnReason: 'Précisez le calendrier.' });
			expect((await store.snapshot()).count).toBe(0);
			expect(await store.reporting.resubmit(submitted.id, fields('Précis'), kampala, reporterActor(reporter))).toBeUndefined();
			expect(await store.reporting.resubmit(submitted.id, fields('Précis'), grigny, reporterActor(reporter))).toMatchObject({ verification: 'pending', title: 'Précis' });
		});

		it("lists a government's own pledges only, those the organizers recorded included, with their last report", async () => {
			const reporter = await reporterOf(grigny);
			const recorded = await store.add({ ...grigny, ...fields('Recorded by the organizers') }, organizer);
			await store.add({ ...kampala, ...fields('Another government') }, organizer);
			await store.addNote(recorded.id, { date: '2026-01-02', text: 'Opened.' }, reporterActor(reporter));
			await store.addNote(recorded.id, { date: '2025-12-01', text: 'Planned.' }, organizer);
			const mine = await store.reporting.ofGovernment(grigny);
			expect(mine.map((p) => [p.title, p.lastReport])).toEqual([['Recorded by the organizers', '2026-01-02']]);
		});

		it("records a reporter's note as the government's, and hides a note from the public, kept with its reason", async () => {
			const reporter = await reporterOf(grigny);
			const pledge = await store.add({ ...grigny, ...fields('Accueil') }, organizer);
			const note = await store.addNote(pledge.id, { date: '2026-01-02', text: 'Ouvert.', evidence: 'https://grigny.example.org/news', lang: 'fr' }, reporterActor(reporter));
			expect(note).toMatchObject({ author: 'government', evidence: 'https://grigny.example.org/news', lang: 'fr' });
			expect(await store.notes(pledge.id)).toEqual([note]);
			expect(await store.reporting.hideNote(note!.id, 'Not about this pledge', organizer)).toBe(true);
			expect(await store.reporting.hideNote(note!.id, 'Twice', organizer)).toBe(false);
			expect(await store.notes(pledge.id)).toEqual([]);
			expect((await store.notesOf([pledge.id])).size).toBe(0);
			expect(await store.notes(pledge.id, { withHidden: true })).toEqual([{ ...note, hidden: { at: expect.any(String), reason: 'Not about this pledge' } }]);
		});

		it("adds and corrects the pledge's version in another language", async () => {
			const reporter = await reporterOf(grigny);
			const pledge = await store.add({ ...grigny, ...fields('Accueil') }, organizer);
			await store.reporting.translate(pledge.id, { lang: 'en', title: 'Welcome' }, reporterActor(reporter));
			await store.reporting.translate(pledge.id, { lang: 'en', title: 'A welcome', description: 'For everyone' }, reporterActor(reporter));
			expect(await store.reporting.translations(pledge.id)).toEqual([{ lang: 'en', title: 'A welcome', description: 'For everyone' }]);
			expect(await store.reporting.translate(crypto.randomUUID(), { lang: 'en', title: 'None' }, reporterActor(reporter))).toBe(false);
		});

		it('audits every step with who took it: the organizer, or which government', async () => {
			const reporter = await reporterOf(grigny);
			const submitted = await store.reporting.submit(fields('Audited'), 'fr', grigny, reporterActor(reporter));
			await store.reporting.verify(submitted.id, { verification: 'published' }, organizer);
			const log = await store.auditLog();
			expect(log.map((entry) => [entry.action, entry.government ?? null])).toEqual([
				['published', null],
				['submit', 'Ville de Grigny (FR)'],
				['invite-accepted', 'Ville de Grigny (FR)'],
				['invite', null]
			]);
		});
	});
}
