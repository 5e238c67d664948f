// Every contract the store keeps, run against one engine, in two halves of about equal length: each
// engine's spec files call them, so Vitest spreads them over its workers (PostgreSQL's, mostly spent
// waiting on the server, take a minute in one file). Not a spec file itself.
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

/** The ledger, its organizers and sessions, and the questions. */
export function ledgerAndQuestionContracts(name: string, engineOf: EngineOf): void {
	const engine = preparedTemplates(engineOf);
	storeContract(name, engineOf);
	questionStoreContract(name, () => freshStore(engine));
	questionPagesContract(name, () => freshStore(engine));
}

/** Captions, governments' reporting and progress, the console's CSV files, who speaks. */
export function featureContracts(name: string, engineOf: EngineOf): void {
	const engine = preparedTemplates(engineOf);
	const withOrganizer = () => engineOf(WITH_ORGANIZER);
	captionStoreContract(name, () => freshStore(engine));
	governmentsContract(name, withOrganizer);
	progressContract(name, () => freshStore(withOrganizer));
	importDraftsContract(name, () => freshStore(engine));
	speakingContract(name, engine);
}

/** Both halves, in one file. */
export function storeContracts(name: string, engineOf: EngineOf): void {
	ledgerAndQuestionContracts(name, engineOf);
	featureContracts(name, engineOf);
}

/**
 * Each test runs on a copy of a store migrated once (but for the migrations' own tests, contract.ts),
 * made before the first test under a timeout of its own: a busy machine can take longer than a test's
 * 30 s to migrate, and no test should pay for it. Templates are made once per file, whoever asks.
 */
function preparedTemplates(engineOf: EngineOf) {
	beforeAll(async () => {
		for (const template of [MIGRATED, WITH_ORGANIZER]) {
			const unused = engineOf(template);
			await unused.prepare?.();
			await unused.cleanUp?.();
		}
	}, 180_000);
	return () => engineOf(MIGRATED);
}
