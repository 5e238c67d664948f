import { storeContracts } from './contracts';
import { postgres } from './engines';

storeContracts('PostgreSQL', postgres);
