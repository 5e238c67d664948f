import { ENGINES } from './engines';
import { questionStoreContract } from './questions-contract';

for (const { name, engine } of ENGINES) {
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
