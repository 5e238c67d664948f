import { governmentInvitations } from '../governments/invitations.ts';
import { governmentReporters } from '../governments/reporters.ts';
import { organizerAccounts } from '../organizers/accounts.ts';
import { organizerSessions } from '../organizers/sessions.ts';
import { pledgeLedger } from '../pledges/ledger.ts';
import { engineCaptioners, engineCaptions } from './captions.ts';
import { importDrafts } from '../pledges/import-drafts.ts';
import { pledgeReporting } from '../pledges/reporting.ts';
import { pledgeProgress } from '../pledges/progress.ts';
import type { Engine } from './engine.ts';
import { organizerRecords, sessionRecords } from './organizers.ts';
import { engineQuestions } from './questions.ts';
import { engineRateLimits } from './rate-limits.ts';
import { engineServerSecrets } from './server-secrets.ts';
import { engineSpeaking } from './speaking.ts';
import type { Store } from './types.ts';

/** Everything the store keeps, its rules over one engine's records: the same on both engines. */
export function storeOn(engine: Engine): Omit<Store, 'health' | 'close'> {
	return {
		engine: engine.kind,
		...pledgeLedger(engine),
		organizers: organizerAccounts(organizerRecords(engine.db)),
		sessions: organizerSessions(sessionRecords(engine)),
		questions: engineQuestions(engine),
		captions: engineCaptions(engine),
		captioners: engineCaptioners(engine),
		speaking: engineSpeaking(engine),
		progress: pledgeProgress(engine),
		limits: engineRateLimits(engine),
		secrets: engineServerSecrets(engine),
		reporting: pledgeReporting(engine),
		invitations: governmentInvitations(engine),
		reporters: governmentReporters(engine),
		importDrafts: importDrafts(engine)
	};
}
