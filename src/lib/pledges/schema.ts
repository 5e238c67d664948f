import * as v from 'valibot';
import type { PledgeInput } from './types';
import { firstIssues, normalize, optionalText, requiredText, type TextErrorKey } from '$lib/text/plain-text';
import { isCountryCode } from './countries';
import { STATUSES } from './status';

/**
 * The one pledge schema, used by the API, the console forms and the CSV import. Messages are
 * i18n keys in the `pledges` namespace (`pledges:errors.<key>`), translated where they are shown.
 */
export const COMPACTS = ['GCM', 'GCR'] as const;

export const LIMITS = { government: 200, title: 300, description: 2000, url: 500 } as const;

export type PledgeField = 'government' | 'country' | 'title' | 'description' | 'compacts' | 'url' | 'status';
export type ErrorKey = TextErrorKey | 'country' | 'compacts' | 'url' | 'status';
/** The first problem with each field, as an error key. */
export type FieldErrors = Partial<Record<PledgeField | 'body', ErrorKey>>;

/** An http or https address with a host. */
export const isWebUrl = (value: string) => {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
};

export const PledgeSchema = v.object(
	{
		government: requiredText(LIMITS.government),
		country: v.pipe(
			v.optional(v.string('type' satisfies ErrorKey), ''),
			v.transform(normalize),
			v.nonEmpty('required' satisfies ErrorKey),
			v.toUpperCase(),
			v.check(isCountryCode, 'country' satisfies ErrorKey)
		),
		title: requiredText(LIMITS.title),
		description: optionalText(LIMITS.description, 'multi'),
		compacts: v.pipe(
			v.optional(v.array(v.picklist(COMPACTS, 'compacts' satisfies ErrorKey), 'compacts' satisfies ErrorKey), []),
			v.transform((list) => COMPACTS.filter((compact) => list.includes(compact)))
		),
		url: v.pipe(optionalText(LIMITS.url), v.check((value) => value === '' || isWebUrl(value), 'url' satisfies ErrorKey)),
		// Absent: the store records a new pledge as planned (a correction leaves the status as it is).
		status: v.optional(v.picklist(STATUSES, 'status' satisfies ErrorKey))
	},
	'type' satisfies ErrorKey
);

export type PledgeValidation = { success: true; pledge: PledgeInput } | { success: false; errors: FieldErrors };

/** Validates and normalizes anything (parsed JSON, form fields, a CSV row) into a pledge. */
export function validatePledge(input: unknown): PledgeValidation {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(PledgeSchema, input);
	if (result.success) {
		const { description, url, status, ...rest } = result.output;
		return { success: true, pledge: { ...rest, ...(description ? { description } : {}), ...(url ? { url } : {}), ...(status ? { status } : {}) } };
	}
	return { success: false, errors: firstIssues<PledgeField, ErrorKey>(result.issues) };
}

/** Form fields (console add and correct) in the shape the schema reads. */
export function pledgeFromForm(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		government: text('government'),
		country: text('country'),
		title: text('title'),
		description: text('description'),
		compacts: form.getAll('compacts').filter((value) => typeof value === 'string'),
		url: text('url'),
		// The add form offers a status; the correction form has none (the status is changed on its own).
		...(form.has('status') ? { status: text('status') } : {})
	};
}
