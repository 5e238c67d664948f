// A store with a row in every table, written through the store's own API (as the site writes them),
// for the copy and backup tests and their bench. `scale` sets how many pledges, notes and questions.
import type { Store } from '../../src/lib/server/store/types';

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
	await Promise.all(Array.from({ length: scale.notes }, (_, index) => store.addNote(ids[index % ids.length], { date: '2022-05-18', text: `Progress ${index}` }, actor)));
	await store.setStatus(ids[0], 'in-progress', actor);
	await store.withdraw(ids[1], actor);
	const session = await store.sessions.start(organizer.id);
	await store.limits.take([{ key: `sign-in:${organizer.email}`, limit: 5, windowMs: 60_000 }]);
	await store.secrets.get('copy-test');
	await store.health();
	await store.questions.setOpen(true, actor);
	const addressKeys = await store.questions.addressKeys();
	const asked = await Promise.all(
		Array.from({ length: scale.questions }, (_, index) => store.questions.ask({ text: `Question ${index}?`, lang: index % 2 ? 'fr' : 'en' }, { browser: `browser-${index}`, addresses: addressKeys.map((key) => `${key}-${index}`) }, GENEROUS))
	);
	const questionIds = asked.flatMap((outcome) => (outcome.kind === 'accepted' ? [outcome.question.id] : []));
	await store.questions.moderate(questionIds[0], { status: 'approved', onScreen: true }, actor);
	await store.questions.vote(questionIds[0], { browser: 'voter', addresses: ['voter-address'] }, true);
	return { organizer, password, token, session, pledgeIds: ids };
}
