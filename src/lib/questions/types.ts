import type { Language } from '$lib/i18n/languages';

/**
 * Questions from the audience: the shapes shared by the store, the API, the pages and the browser.
 * Nothing a viewer writes is public before an organizer approves it.
 */
export type QuestionStatus = 'pending' | 'approved' | 'rejected' | 'answered';
export const QUESTION_STATUSES: readonly QuestionStatus[] = ['pending', 'approved', 'rejected', 'answered'];
export type PublicStatus = Extract<QuestionStatus, 'approved' | 'answered'>;

/** What a viewer submits (already validated and normalized). */
export interface QuestionInput {
	text: string;
	name?: string;
	affiliation?: string;
	/** The language of the page it was asked on; shown with that `lang` everywhere. */
	lang: Language;
}

/** A question's text in languages other than the one it was asked in, added by a moderator. */
export type QuestionTranslations = Partial<Record<Language, string>>;

/** A question as the public sees it (approved or answered). */
export interface PublicQuestion {
	id: string;
	text: string;
	name: string | null;
	affiliation: string | null;
	lang: Language;
	votes: number;
	status: PublicStatus;
	onScreen: boolean;
	createdAt: string;
	/** Its text in other languages (none: `{}`); each shown with that language's `lang`. */
	translations: QuestionTranslations;
}

/** A question as organizers see it: any status. */
export interface Question extends Omit<PublicQuestion, 'status'> {
	status: QuestionStatus;
	updatedAt: string;
}

/** `GET /api/questions`, and the data of the stream's `questions` event. */
export interface PublicQuestions {
	open: boolean;
	/** Sorted by votes (most first), then age (oldest first): the top of the approved, then of the answered, and the one on screen. */
	questions: PublicQuestion[];
	/** The stream's version of the list (its changes carry the next ones); absent from `GET /api/questions`. */
	version?: number;
	/** The next page of approved questions (`?cursor=`), null when there is none; absent on the stream. */
	nextCursor?: string | null;
	/** The next page of answered questions. */
	answeredCursor?: string | null;
}

/** One page of one public status, after the first (`GET /api/questions?cursor=`). */
export interface PublicQuestionPage {
	open: boolean;
	status: PublicStatus;
	questions: PublicQuestion[];
	nextCursor: string | null;
}

/** A place in a status's list by votes then age: the last question of a page. */
export interface ListPosition {
	status: PublicStatus;
	votes: number;
	createdAt: string;
	id: string;
}

/** What an organizer may change on a question. */
export interface Moderation {
	status?: Exclude<QuestionStatus, 'pending'>;
	onScreen?: boolean;
	/** Its text in other languages, added or corrected; `null` takes a translation away. */
	translations?: Partial<Record<Language, string | null>>;
}

export const isPublicStatus = (status: QuestionStatus): status is PublicStatus => status === 'approved' || status === 'answered';

/** The organizers' view: open or not, and every question by status (the console's lists, the stream's `moderation` event). */
export interface ModerationQueue {
	open: boolean;
	groups: Record<QuestionStatus, Question[]>;
}
