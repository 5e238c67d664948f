import { ENGINES, storeUnderTest } from './engines';
import { progressContract } from './progress-contract';

for (const { name, engine } of ENGINES) progressContract(name, storeUnderTest(engine));
