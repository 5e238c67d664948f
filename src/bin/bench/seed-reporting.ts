// Fills the store DATABASE_URL names for the reporting bench: `node --experimental-strip-types
// seed-reporting.ts <pledges> <notes>`. The organizers' pledges through the bulk insert, one
// government whose reporter has a page of its own pledges (submitted, published, reported on), and
// the notes spread over every pledge. Prints the reporter's e-mail, password and one of its pledges'
// ids as JSON. Made-up bench data that only ever lives in a throwaway store.
import { reporterActor } from '../../lib/server/governments/reporters.ts';
import { hashPassword } from '../../lib/server/organizers/secrets.ts';
import { openStore } from '../../lib/server/store/open.ts';
import type { PledgeInput } from '../../lib/server/pledges/types.ts';

const [pledges, notes] = process.argv.slice(2).map(Number);
if (![pledges, notes].every((n) => Number.isInteger(n) && n > 0)) throw new Error('usage: seed-reporting.ts <pledges> <notes>');
/** The reporter's government's own pledges (a city reports on a few, not thousands). */
const OWN = 20;
const BATCH = 1000;
const WRITERS = 8;
const PASSWORD = 'a bench reporter passphrase';

const store = await openStore();
try {
	const organizer = { id: 'bench', email: 'bench@example.org' };
	const ids: string[] = [];
	for (let first = 0; first < pledges - OWN; first += BATCH) {
		const batch: PledgeInput[] = Array.from({ length: Math.min(BATCH, pledges - OWN - first) }, (_, index) => ({
			government: `Bench municipality ${first + index}`,
			country: (first + index) % 2 ? 'UG' : 'FR',
			title: `Bench pledge ${first + index}: language classes, housing advice and a one-stop shop for newcomers`,
			compacts: ['GCM'],
			...((first + index) % 2 === 0 ? { description: `A longer description of bench pledge ${first + index}.` } : {})
		}));
		ids.push(...(await store.addMany(batch, organizer)).map((pledge) => pledge.id));
	}
	const government = { government: 'Bench city', country: 'FR' };
	const email = `reporter-${Date.now()}@example.org`;
	const invited = await store.invitations.invite({ ...government, email, lang: 'en' }, organizer);
	const accepted = await store.invitations.accept(invited.token, hashPassword(PASSWORD));
	if (accepted.kind !== 'accepted') throw new Error(`invitation not accepted: ${accepted.kind}`);
	const reporter = reporterActor(accepted.reporter);
	const own: string[] = [];
	for (let index = 0; index < OWN; index++) {
		const submitted = await store.reporting.submit({ title: `Bench city's action ${index}`, description: 'Written by the city.', compacts: ['GCM'] }, 'fr', government, reporter);
		await store.reporting.verify(submitted.id, { verification: 'published' }, organizer);
		await store.reporting.translate(submitted.id, { lang: 'en', title: `The city's action ${index}` }, reporter);
		own.push(submitted.id);
	}
	ids.push(...own);
	// Every pledge gets its share; the city's own pledges are reported on by the city. A few writers at once: the
	// store's pool has ten connections, and a thousand notes waiting for one time out on a busy machine (PostgreSQL).
	let next = 0;
	const addNext = async () => {
		for (let index = next++; index < notes; index = next++) {
			const id = ids[index % ids.length];
			const day = `2025-${String((index % 12) + 1).padStart(2, '0')}-15`;
			await store.addNote(id, { date: day, text: `Progress ${index}: classes held, advice given.`, lang: 'fr' }, own.includes(id) ? reporter : organizer);
		}
	};
	await Promise.all(Array.from({ length: WRITERS }, addNext));
	console.log(JSON.stringify({ email, password: PASSWORD, pledgeId: own[0] }));
} finally {
	await store.close();
}
