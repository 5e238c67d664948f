import { ENGINES, storeUnderTest } from './engines';
import { questionStoreContract } from './questions-contract';

for (const { name, engine } of ENGINES) questionStoreContract(name, storeUnderTest(engine));
