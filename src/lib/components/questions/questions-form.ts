/** What the ask form shows after a post: the confirmation, or the errors (already in the page's words) and what was typed. */
export interface AskFormState {
	asked?: boolean;
	message?: string;
	errors?: Partial<Record<'text' | 'name' | 'affiliation' | 'lang' | 'body', string>>;
	values?: { text?: string; name?: string; affiliation?: string };
}

/** The page that answers without JavaScript: the ask form's and the vote buttons' target. */
export const questionsPagePath = (lang: string) => `/${lang}/live/questions`;
