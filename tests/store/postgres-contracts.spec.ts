import { ledgerAndQuestionContracts } from './contracts';
import { postgres } from './engines';

// The other half is postgres-feature-contracts.spec.ts: a worker each.
ledgerAndQuestionContracts('PostgreSQL', postgres);
