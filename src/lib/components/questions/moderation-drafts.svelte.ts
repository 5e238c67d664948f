import type { Language } from '$lib/i18n/languages';

/**
 * What a moderator has under way in the console, kept by question id outside the lists: the stream
 * redraws a question that changes list (another moderator approved or answered it), and a redrawn
 * form would otherwise come back empty and its "Translations" closed.
 */
export class ModerationDrafts {
	#texts = $state<Record<string, string>>({});
	#open = $state<Record<string, boolean>>({});

	/** The translation typed into a question's field for `lang`, if the moderator has typed one. */
	draft(id: string, lang: Language): string | undefined {
		return this.#texts[`${id}:${lang}`];
	}

	keepDraft(id: string, lang: Language, text: string): void {
		this.#texts[`${id}:${lang}`] = text;
	}

	/** Open as the moderator left it; else open when it holds a draft, so the draft is seen. */
	isOpen(id: string): boolean {
		return this.#open[id] ?? Object.keys(this.#texts).some((key) => key.startsWith(`${id}:`));
	}

	setOpen(id: string, open: boolean): void {
		if (this.#open[id] !== open) this.#open[id] = open;
	}

	/**
	 * A field that shows the saved translation until the moderator types, then their draft: neither a
	 * stream update nor a redraw in another list overwrites it. Text typed before the island hydrated
	 * (the server's field, filled on a slow connection) is taken as the draft.
	 */
	field(id: string, lang: Language, saved: () => string) {
		return (field: HTMLTextAreaElement) => {
			if (this.draft(id, lang) === undefined && field.value !== field.defaultValue) this.keepDraft(id, lang, field.value);
			$effect(() => {
				const text = this.draft(id, lang) ?? saved();
				if (field.value !== text) field.value = text;
			});
			const keep = () => this.keepDraft(id, lang, field.value);
			field.addEventListener('input', keep);
			return () => field.removeEventListener('input', keep);
		};
	}
}
