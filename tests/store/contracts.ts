// Every contract the store keeps, run against one engine. Each engine's spec file calls this, so
// Vitest runs the engines in parallel, one worker each. Not a spec file itself.
import { storeContract, type Engine } from './contract';
import { questionStoreContract } from './questions-contract';

export function storeContracts(name: string, engine: () => Engine): void {
	storeContract(name, engine);
	questionStoreContract(name, async () => {
		const { open, cleanUp } = engine();
		const site = await open();
		return {
			site,
			async close() {
				await site.close();
				await cleanUp?.();
			}
		};
	});
}
