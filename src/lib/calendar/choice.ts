// What a calendar choice is, apart from how choices are computed (./choices.ts): the menu that shows them
// (AddToCalendar.svelte, an island) then speaks only its own words, not those of the calendar's entry.
export type CalendarChoiceId = 'ics' | 'google' | 'outlookCom' | 'office365' | 'yahoo' | 'subscribe';

/** One way to add the session to a calendar: a file, a service's form, or a subscription. */
export interface CalendarChoice {
	id: CalendarChoiceId;
	href: string;
	type?: string;
}
