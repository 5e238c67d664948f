import type { Translate } from '$lib/i18n/translator';
import { json } from './json';

/** A validation's answer: each field with the key of its error. */
type FieldErrorKeys = Readonly<Partial<Record<string, string>>>;

/** Each field's error as the sentence `<namespace>:errors.<key>`, `{{max}}` the field's length limit. */
export function fieldMessages(t: Translate, namespace: string, errors: FieldErrorKeys, limits: Readonly<Record<string, number>>): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(`${namespace}:errors.${key}`, { max: limits[field] ?? 0 })]));
}

/** 400 `{ error: 'invalid', message, fields }`: the summary and each field's message, for a form to show beside its fields. */
export function invalidFieldsResponse(t: Translate, namespace: string, errors: FieldErrorKeys, limits: Readonly<Record<string, number>>): Response {
	return json(400, { error: 'invalid', message: t(`${namespace}:errors.summary`), fields: fieldMessages(t, namespace, errors, limits) });
}
