// Every contract the store keeps, run against one engine. Each engine's spec file calls this, so
// Vitest runs the engines in parallel, one worker each. Not a spec file itself.
import { beforeAll } from 'vitest';
import { captionStoreContract } from './captions-contract';
import { storeContract, type EngineOf } from './contract';
import { freshStore, MIGRATED, WITH_ORGANIZER } from './engines';
import { governmentsContract } from './governments-contract';
import { importDraftsContract } from './import-drafts-contract';
import { progressContract } from './progress-contract';
import { questionPagesContract } from './question-pages-contract';
import { questionStoreContract } from './questions-contract';
import { speakingContract } from './speaking-contract';

export function storeContracts(name: string, engineOf: EngineOf): void {
	// Each test on a copy of a store migrated once, but for the migrations' own tests (contract.ts).
	const engine = () => engineOf(MIGRATED);
	const withOrganizer = () => engineOf(WITH_ORGANIZER);
	// Made before the first test, under a timeout of their own: a busy machine can take longer than a
	// test's 30 s to migrate, and no test should pay for it.
	beforeAll(async () => {
		for (const template of [MIGRATED, WITH_ORGANIZER]) {
			const unused = engineOf(template);
			await unused.prepare?.();
			await unused.cleanUp?.();
		}
	}, 180_000);
	storeContract(name, engineOf);
	questionStoreContract(name, () => freshStore(engine));
	questionPagesContract(name, () => freshStore(engine));
	captionStoreContract(name, () => freshStore(engine));
	governmentsContract(name, withOrganizer);
	progressContract(name, () => freshStore(withOrganizer));
	importDraftsContract(name, () => freshStore(engine));
	speakingContract(name, engine);
}
