import { storeContracts } from './contracts';
import { sqlite } from './engines';

storeContracts('SQLite', sqlite);
