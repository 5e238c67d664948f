import { questionStoreContract } from './questions-contract';
import { ENGINES, freshStore } from './engines';

for (const { name, engine } of ENGINES) questionStoreContract(name, () => freshStore(engine));
