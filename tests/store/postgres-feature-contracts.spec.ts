import { featureContracts } from './contracts';
import { postgres } from './engines';

// The other half is postgres-contracts.spec.ts: a worker each.
featureContracts('PostgreSQL', postgres);
