import { ENGINES } from './engines';
import { governmentsContract } from './governments-contract';

for (const { name, engine } of ENGINES) governmentsContract(name, engine);
