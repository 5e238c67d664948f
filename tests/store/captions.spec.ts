import { captionStoreContract } from './captions-contract';
import { ENGINES, freshStore } from './engines';

for (const { name, engine } of ENGINES) captionStoreContract(name, () => freshStore(engine));
