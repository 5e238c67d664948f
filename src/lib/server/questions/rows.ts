import type { Language } from '../../i18n/languages.ts';
import type { PublicQuestion, Question, QuestionStatus } from '../../questions/types.ts';

/** A `questions` row as either engine reads it (SQLite: ISO text and 0/1; PostgreSQL: Date and boolean). */
export interface QuestionRow {
	id: string;
	text: string;
	name: string | null;
	affiliation: string | null;
	lang: string;
	status: QuestionStatus;
	on_screen: number | boolean;
	votes: number;
	created_at: string | Date;
	updated_at: string | Date;
}

export const QUESTION_COLUMNS = 'id, text, name, affiliation, lang, status, on_screen, votes, created_at, updated_at';

const iso = (value: string | Date) => (typeof value === 'string' ? value : value.toISOString());

export function toQuestion(row: QuestionRow): Question {
	return {
		id: row.id,
		text: row.text,
		name: row.name,
		affiliation: row.affiliation,
		lang: row.lang as Language,
		votes: row.votes,
		status: row.status,
		onScreen: row.on_screen === true || row.on_screen === 1,
		createdAt: iso(row.created_at),
		updatedAt: iso(row.updated_at)
	};
}

export function toPublic({ updatedAt: _updated, ...question }: Question): PublicQuestion {
	return question as PublicQuestion;
}
