import * as v from 'valibot';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { isCountryCode } from '$lib/pledges/countries';
import { LIMITS } from '$lib/pledges/schema';
import { firstIssues, normalize, optionalText, requiredText, type TextErrorKey } from '$lib/text/plain-text';

/**
 * What organizers and governments' reporters type, validated once for the API and the forms.
 * Messages are i18n keys in the `governments` namespace (`governments:errors.<key>`).
 */
export const REASON_LIMIT = 1000;
export const PASSWORD = { min: 12, max: 200 } as const;
export const GOVERNMENT_LIMITS = { government: LIMITS.government, email: 254, reason: REASON_LIMIT, title: LIMITS.title, description: LIMITS.description, password: PASSWORD.min } as const;

export type GovernmentErrorKey = TextErrorKey | 'country' | 'email' | 'lang' | 'verification' | 'passwordShort' | 'passwordLong' | 'passwordMismatch';
export type GovernmentErrors = Partial<Record<string, GovernmentErrorKey>>;

const isPlausibleEmail = (email: string) => email.length <= 254 && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email);

const InvitationSchema = v.object(
	{
		government: requiredText(LIMITS.government),
		country: v.pipe(
			v.optional(v.string('type' satisfies GovernmentErrorKey), ''),
			v.transform(normalize),
			v.nonEmpty('required' satisfies GovernmentErrorKey),
			v.toUpperCase(),
			v.check(isCountryCode, 'country' satisfies GovernmentErrorKey)
		),
		email: v.pipe(
			v.optional(v.string('type' satisfies GovernmentErrorKey), ''),
			v.transform((value) => normalize(value).toLowerCase()),
			v.nonEmpty('required' satisfies GovernmentErrorKey),
			v.check(isPlausibleEmail, 'email' satisfies GovernmentErrorKey)
		),
		lang: v.picklist(LANGUAGES, 'lang' satisfies GovernmentErrorKey)
	},
	'type' satisfies GovernmentErrorKey
);

type Validation<T> = { success: true; value: T } | { success: false; errors: GovernmentErrors };

function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validation<T> {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(schema, input);
	return result.success ? { success: true, value: result.output } : { success: false, errors: firstIssues<string, GovernmentErrorKey>(result.issues) };
}

export type InvitationFields = v.InferOutput<typeof InvitationSchema> & { lang: Language };

/** An organizer's invitation: the government, its country, the reporter's email and language. */
export const validateInvitation = (input: unknown) => validate(InvitationSchema, input);

const VerificationSchema = v.variant(
	'verification',
	[
		v.object({ verification: v.literal('published') }),
		v.object({ verification: v.literal('returned'), reason: requiredText(REASON_LIMIT) })
	],
	'verification' satisfies GovernmentErrorKey
);

/** An organizer's decision on a submission: published, or returned with a reason. */
export const validateVerification = (input: unknown) => validate(VerificationSchema, input);

/** A reason (returning a submission, hiding a note). */
export const validateReason = (input: unknown) => validate(v.object({ reason: requiredText(REASON_LIMIT) }), input);

/** A reporter's new password, typed twice. */
export function passwordProblem(password: string, confirmation: string): GovernmentErrorKey | undefined {
	if ([...password].length < PASSWORD.min) return 'passwordShort';
	if ([...password].length > PASSWORD.max) return 'passwordLong';
	if (password !== confirmation) return 'passwordMismatch';
	return undefined;
}

const TranslationSchema = v.object({ title: requiredText(LIMITS.title), description: optionalText(LIMITS.description, 'multi') }, 'type' satisfies GovernmentErrorKey);

/** The pledge's title and description in another language. */
export const validateTranslation = (input: unknown) => validate(TranslationSchema, input);
