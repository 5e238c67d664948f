import { GOVERNMENT_LIMITS, validateInvitation, validateVerification } from '$lib/governments/schema';
import type { Language } from '$lib/i18n/languages';
import { apiError } from '$lib/server/http/api-error';
import { readJsonBody } from '$lib/server/http/body';
import { invalidFieldsResponse } from '$lib/server/http/field-errors';
import { json } from '$lib/server/http/json';
import { apiTranslator } from '$lib/server/http/language';
import type { Organizer } from '$lib/server/organizers/accounts';
import { isRecordId } from '$lib/server/store/input-rule';
import type { Store } from '$lib/server/store/types';
import { env } from '$env/dynamic/private';
import { settings } from '$lib/settings';
import { sendInvitationMail } from './invitation-mail';
import type { Invitation } from './types';

/** The address a reporter opens to accept an invitation, in its language. */
export const invitationUrl = (lang: Language, token: string) => `${settings.origin}/${lang}/report/invitation/${token}`;

/** E-mails the invitation when SMTP_URL is set (README: "E-mail"); whether it was sent. */
export const mailInvitation = (invitation: Invitation, url: string) => sendInvitationMail(invitation, url, env.SMTP_URL, env.SMTP_FROM);

const actorOf = (organizer: Organizer) => ({ id: organizer.id, email: organizer.email });

/** `POST /api/governments/invitations`: a single-use link for one government's reporter, e-mailed when SMTP_URL is set. */
export async function inviteResponse(store: Store, request: Request, organizer: Organizer): Promise<Response> {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const result = validateInvitation(body.value);
	if (!result.success) return invalidFieldsResponse(await apiTranslator(request), 'governments', result.errors, GOVERNMENT_LIMITS);
	const { token, invitation } = await store.invitations.invite(result.value, actorOf(organizer));
	const url = invitationUrl(invitation.lang, token);
	await mailInvitation(invitation, url);
	return json(201, { url, expiresAt: invitation.expiresAt });
}

/** `GET /api/pledges?verification=pending`: the submissions awaiting verification, oldest first. */
export async function pendingResponse(store: Store, request: Request, url: URL): Promise<Response> {
	if (url.searchParams.get('verification') !== 'pending') return apiError(request, 400, 'invalid-verification', 'governments:api.verificationFilter');
	const pledges = await store.reporting.pending();
	return json(200, { count: pledges.length, pledges });
}

/** `PATCH /api/pledges/{id}`: publishes a submission, or returns it with a reason. */
export async function verifyResponse(store: Store, request: Request, id: string, organizer: Organizer): Promise<Response> {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const result = validateVerification(body.value);
	if (!result.success) return invalidFieldsResponse(await apiTranslator(request), 'governments', result.errors, GOVERNMENT_LIMITS);
	if (!isRecordId(id)) return apiError(request, 404, 'not-found', 'governments:api.notFound');
	const outcome = await store.reporting.verify(id, result.value, actorOf(organizer));
	if (outcome.kind === 'missing') return apiError(request, 404, 'not-found', 'governments:api.notFound');
	if (outcome.kind === 'not-pending') return apiError(request, 409, 'not-pending', 'governments:api.notPending');
	return json(200, outcome.pledge);
}
