import { storeContract } from './contract';
import { ENGINES } from './engines';

for (const { name, engine } of ENGINES) storeContract(name, engine);
