// A store with a row in every table, written through the store's own API (as the site writes them),
// for the copy and backup tests and the store-copy bench: made-up data that only ever lives in a
// throwaway store. `node --experimental-strip-types fill-every-table.ts <pledges> <notes> <questions>`
// fills the store DATABASE_URL names.
import { reporterActor } from '../../lib/server/governments/reporters.ts';
import { hashPassword } from '../../lib/server/organizers/secrets.ts';
import { openStore } from '../../lib/server/store/open.ts';
import type { Store } from '../../lib/server/store/types.ts';

export interface Scale {
	pledges: number;
	notes: number;
	questions: number;
}

export const SMALL: Scale = { pledges: 30, notes: 60, questions: 12 };

const GENEROUS = { pendingPerBrowser: 1_000_000, pendingPerAddress: 1_000_000, askedPerHourPerBrowser: 1_000_000, askedPerHourPerAddress: 1_000_000 };

/** Fills every table; gives what a test needs to check the copy still works: an organizer's secrets and a session. */
export async function fillEveryTable(store: Store, scale: Scale = SMALL) {
	const { organizer, password, token } = await store.organizers.add(`copy-${Date.now()}@example.org`);
	const actor = { id: organizer.id, email: organizer.email };
	const ids: string[] = [];
	for (let start = 0; start < scale.pledges; start += 500) {
		const inputs = Array.from({ length: Math.min(500, scale.pledges - start) }, (_, index) => ({
			government: `Government ${start + index}`,
			country: (start + index) % 2 ? 'UG' : 'FR',
			title: `Local action ${start + index} — accueil, été`,
			description: (start + index) % 3 ? undefined : `Description ${start + index}`,
			compacts: (start + index) % 2 ? ['GCM' as const] : ['GCM' as const, 'GCR' as const],
			url: (start + index) % 4 ? undefined : `https://example.org/${start + index}`
		}));
		ids.push(...(await store.addMany(inputs, actor)).map((pledge) => pledge.id));
	}
	await store.addOnce({ government: 'Kampala Capital City Authority', country: 'UG', title: 'Kept once', compacts: ['GCM'] }, actor, { key: 'retry-1', requestHash: 'hash-1' });
	for (let start = 0; start < scale.notes; start += 1000) {
		const notes = Array.from({ length: Math.min(1000, scale.notes - start) }, (_, index) => start + index);
		await Promise.all(notes.map((index) => store.addNote(ids[index % ids.length], { date: '2022-05-18', text: `Progress ${index}` }, actor)));
	}
	await store.setStatus(ids[0], 'in-progress', actor);
	await store.withdraw(ids[1], actor);
	const session = await store.sessions.start(organizer.id);
	await store.limits.take([{ key: `sign-in:${organizer.email}`, limit: 5, windowMs: 60_000 }]);
	await store.secrets.get('copy-test');
	await store.health();
	await store.questions.setOpen(true, actor);
	const addressKeys = await store.questions.addressKeys();
	const questionIds: string[] = [];
	for (let start = 0; start < scale.questions; start += 1000) {
		const questions = Array.from({ length: Math.min(1000, scale.questions - start) }, (_, index) => start + index);
		const asked = await Promise.all(
			questions.map((index) => store.questions.ask({ text: `Question ${index}?`, lang: index % 2 ? 'fr' : 'en' }, { browser: `browser-${index}`, addresses: addressKeys.map((key) => `${key}-${index}`) }, GENEROUS))
		);
		questionIds.push(...asked.flatMap((outcome) => (outcome.kind === 'accepted' ? [outcome.question.id] : [])));
	}
	await store.questions.moderate(questionIds[0], { status: 'approved', onScreen: true, translations: { fr: 'Question 0 ?' } }, actor);
	await store.questions.vote(questionIds[0], { browser: 'voter', addresses: ['voter-address'] }, true);
	const grigny = { government: 'Ville de Grigny', country: 'FR' };
	const invited = await store.invitations.invite({ ...grigny, email: `reporter-${Date.now()}@example.org`, lang: 'fr' }, actor);
	const accepted = await store.invitations.accept(invited.token, hashPassword('a reporter passphrase'));
	if (accepted.kind !== 'accepted') throw new Error(`invitation not accepted: ${accepted.kind}`);
	await store.invitations.invite({ ...grigny, email: `waiting-${Date.now()}@example.org`, lang: 'en' }, actor);
	const reporterSession = await store.reporters.sessions.start(accepted.reporter.id);
	const submitted = await store.reporting.submit({ title: 'Une maison des migrants', compacts: ['GCM'] }, 'fr', grigny, reporterActor(accepted.reporter));
	await store.reporting.verify(submitted.id, { verification: 'published' }, actor);
	await store.reporting.translate(submitted.id, { lang: 'en', title: 'A house for migrants' }, reporterActor(accepted.reporter));
	await store.captioners.add(`captioner-${Date.now()}@example.org`);
	await store.captions.setOpen(true, actor);
	await store.captions.post({ lang: 'en', text: 'Welcome to the side event.', isFinal: true });
	await store.captions.post({ lang: 'fr', text: 'Bienvenue', isFinal: false, id: 'line-1' });
	await store.importDrafts.save(organizer.id, 'government,country,title\nVille de Grigny,FR,Un plan local\n');
	return { organizer, password, token, session, reporterSession, pledgeIds: ids };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [pledges, notes, questions] = process.argv.slice(2).map(Number);
	if (![pledges, notes, questions].every((n) => Number.isInteger(n) && n > 0)) throw new Error('usage: fill-every-table.ts <pledges> <notes> <questions>');
	const store = await openStore();
	try {
		await fillEveryTable(store, { pledges, notes, questions });
	} finally {
		await store.close();
	}
}
