import type { Cookies } from '@sveltejs/kit';
import { validateQuestion, type QuestionFieldErrors } from '$lib/questions/schema';
import { retryAfterSeconds } from '$lib/server/limits/rate-limit';
import { clientAddress } from '$lib/server/http/client-address';
import { isRecordId } from '$lib/server/store/input-rule';
import type { Store } from '$lib/server/store/types';
import type { Writer } from './types';
import { QUESTION_LIMITS, voteRules } from './limits';
import { browserHash, existingViewer, viewerOf, writerOf } from './viewer';

/** What a public write needs from its request: the same for the API and the pages' forms. */
export interface PublicRequest {
	cookies: Cookies;
	url: URL;
	getClientAddress(): string;
}

export type AskResult =
	| { kind: 'accepted'; id: string }
	| { kind: 'invalid'; errors: QuestionFieldErrors }
	| { kind: 'closed' | 'duplicate' | 'forged' | 'no-address' }
	| { kind: 'limited'; retryAfterSeconds: number };

export type VoteResult =
	| { kind: 'counted'; id: string; votes: number; hasVoted: boolean }
	| { kind: 'not-found' | 'forged' | 'no-address' }
	| { kind: 'limited'; retryAfterSeconds: number };

/** Validates, then stores a pending question for this browser and address (within their limits); a cookie the site did not sign is refused (and replaced). */
export async function askQuestion(site: Store, request: PublicRequest, input: unknown): Promise<AskResult> {
	const validation = validateQuestion(input);
	if (!validation.success) return { kind: 'invalid', errors: validation.errors };
	const writer = await writerOfRequest(site, request);
	if (writer.kind !== 'writer') return writer;
	const outcome = await site.questions.ask(validation.question, writer.writer, QUESTION_LIMITS);
	return outcome.kind === 'accepted' ? { kind: 'accepted', id: outcome.question.id } : outcome;
}

/** Casts (or withdraws) this browser's vote; a cookie the site did not sign is refused. */
export async function castVote(site: Store, request: PublicRequest, id: string, hasVoted: boolean): Promise<VoteResult> {
	// An id of no shape is no question: answered before the cookie, the limits or the store are asked.
	if (!isRecordId(id)) return { kind: 'not-found' };
	const writer = await writerOfRequest(site, request);
	if (writer.kind !== 'writer') return writer;
	const decision = await site.limits.take(voteRules(writer.writer, id));
	if (!decision.allowed) return { kind: 'limited', retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
	const outcome = await site.questions.vote(id, writer.writer, hasVoted);
	return outcome.kind === 'counted' ? { kind: 'counted', id, votes: outcome.votes, hasVoted: outcome.hasVoted } : outcome;
}

/** Ids of the public questions this browser voted for (none without a valid cookie). */
export async function votesOfViewer(site: Store, cookies: Cookies): Promise<string[]> {
	const store = site.questions;
	const id = await existingViewer(site.secrets, cookies);
	return id ? store.votesOf(browserHash(id)) : [];
}

/** Who writes, for the limits: this browser (its signed cookie) at this address; refused without an address or with a forged cookie. */
async function writerOfRequest(
	site: Store,
	request: PublicRequest
): Promise<{ kind: 'writer'; writer: Writer } | { kind: 'no-address' } | { kind: 'forged' }> {
	const address = clientAddress(request);
	if (!address) return { kind: 'no-address' };
	const viewer = await viewerOf(site.secrets, request.cookies, request.url);
	if (viewer.kind === 'forged') return { kind: 'forged' };
	return { kind: 'writer', writer: await writerOf(site.questions, viewer.id, address) };
}
