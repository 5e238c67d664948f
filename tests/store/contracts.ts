// Every contract the store keeps, run against one engine. Each engine's spec file calls this, so
// Vitest runs the engines in parallel, one worker each. Not a spec file itself.
import { captionStoreContract } from './captions-contract';
import { storeContract, type Engine } from './contract';
import { freshStore } from './engines';
import { governmentsContract } from './governments-contract';
import { importDraftsContract } from './import-drafts-contract';
import { progressContract } from './progress-contract';
import { questionPagesContract } from './question-pages-contract';
import { questionStoreContract } from './questions-contract';
import { speakingContract } from './speaking-contract';

export function storeContracts(name: string, engine: () => Engine): void {
	storeContract(name, engine);
	questionStoreContract(name, () => freshStore(engine));
	questionPagesContract(name, () => freshStore(engine));
	captionStoreContract(name, () => freshStore(engine));
	governmentsContract(name, engine);
	progressContract(name, () => freshStore(engine));
	importDraftsContract(name, () => freshStore(engine));
	speakingContract(name, engine);
}
