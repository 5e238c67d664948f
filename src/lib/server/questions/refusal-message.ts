import type { Translate } from '$lib/i18n/translator';
import type { AskResult, VoteResult } from './service';

export type QuestionRefusal = Exclude<AskResult | VoteResult, { kind: 'accepted' } | { kind: 'counted' } | { kind: 'invalid' }>;

/** A refused question or vote in the visitor's words: the same sentences for the API and the pages' forms. */
export function refusalMessage(t: Translate, refusal: QuestionRefusal): string {
	switch (refusal.kind) {
		case 'limited':
			return t('questions:errors.limited', { minutes: Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)) });
		case 'not-found':
			return t('questions:errors.notFound');
		case 'no-address':
			return t('questions:errors.noAddress');
		default:
			return t(`questions:errors.${refusal.kind}`);
	}
}
