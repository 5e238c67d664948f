// Adds pledges to the store DATABASE_URL names (a SQLite file or a postgres:// URL) for the
// pledge-list bench: `node --experimental-strip-types seed-pledges.ts <count>`. Through the store's own
// bulk insert (what the CSV import uses), in batches, every country in turn; made-up bench data that
// only ever lives in a throwaway store.
// The countries from the package the site names them with: src/lib/pledges/countries.ts imports through `$lib`, which Node alone cannot resolve.
import isoCountries from 'i18n-iso-countries';
import { openStore } from '../../lib/server/store/open.ts';
import type { PledgeInput } from '../../lib/server/pledges/types.ts';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) throw new Error('usage: seed-pledges.ts <count>');
const BATCH = 1000;
const COUNTRY_CODES = Object.keys(isoCountries.getAlpha2Codes()).sort();

const store = await openStore();
const actor = { id: 'bench', email: 'bench@example.org' };
const already = (await store.snapshot()).count;
try {
	for (let first = already; first < already + count; first += BATCH) {
		const batch: PledgeInput[] = [];
		for (let i = first; i < Math.min(first + BATCH, already + count); i++) {
			batch.push({
				government: `Bench municipality ${i}`,
				country: COUNTRY_CODES[i % COUNTRY_CODES.length],
				title: `Bench pledge ${i}: language classes, housing advice and a one-stop shop for newcomers`,
				compacts: i % 3 === 0 ? ['GCM', 'GCR'] : i % 3 === 1 ? ['GCM'] : ['GCR'],
				...(i % 2 === 0 ? { description: `A longer description of bench pledge ${i}, as organizers write them: what, where, with whom and by when.` } : {}),
				...(i % 4 === 0 ? { url: `https://example.org/pledges/${i}` } : {})
			});
		}
		await store.addMany(batch, actor);
	}
} finally {
	await store.close();
}
