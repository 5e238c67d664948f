import { fail } from '@sveltejs/kit';
import { validateInvitation } from '$lib/governments/schema';
import { countriesByName } from '$lib/pledges/countries';
import { invitationUrl, mailInvitation } from '$lib/server/governments/api';
import { actorOf, requireOrganizer } from '$lib/server/organizers/actor';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOrganizer(event);
	const { store } = event.locals;
	return {
		invitations: await store.invitations.list(),
		reporters: await store.reporters.list(),
		countries: countriesByName(event.locals.lang ?? 'en')
	};
};

const fields = (form: FormData) => Object.fromEntries(['government', 'country', 'email', 'lang'].map((name) => [name, String(form.get(name) ?? '')]));
const idOf = async (request: Request) => String((await request.formData()).get('id') ?? '');

export const actions: Actions = {
	/** The new link is shown this once (and e-mailed when SMTP_URL is set); the store keeps its hash only. */
	invite: async (event) => {
		const actor = actorOf(event);
		const values = fields(await event.request.formData());
		const result = validateInvitation(values);
		if (!result.success) return fail(400, { errors: result.errors, values });
		const { token, invitation } = await event.locals.store.invitations.invite(result.value, actor);
		const url = invitationUrl(invitation.lang, token);
		return { link: { url, email: invitation.email, expiresAt: invitation.expiresAt, emailed: await mailInvitation(invitation, url) } };
	},

	resend: async (event) => {
		const actor = actorOf(event);
		const resent = await event.locals.store.invitations.resend(await idOf(event.request), actor);
		if (!resent) return fail(409, { missing: true });
		const url = invitationUrl(resent.invitation.lang, resent.token);
		return { link: { url, email: resent.invitation.email, expiresAt: resent.invitation.expiresAt, emailed: await mailInvitation(resent.invitation, url) } };
	},

	revoke: async (event) => {
		const actor = actorOf(event);
		if (!(await event.locals.store.invitations.revoke(await idOf(event.request), actor))) return fail(409, { missing: true });
		return { revoked: true };
	},

	revokeReporter: async (event) => {
		const actor = actorOf(event);
		if (!(await event.locals.store.reporters.revoke(await idOf(event.request), actor))) return fail(409, { missing: true });
		return { revoked: true };
	}
};
