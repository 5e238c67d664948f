import { error, fail, redirect } from '@sveltejs/kit';
import { passwordProblem, PASSWORD } from '$lib/governments/schema';
import { setReporterSession } from '$lib/server/governments/reporter-session';
import { clientAddress } from '$lib/server/http/client-address';
import { hashPassword } from '$lib/server/organizers/secrets';
import type { Actions, PageServerLoad } from './$types';

// Tries of links per address: a link is 256 random bits, this only keeps the store's work bounded.
const ATTEMPTS = { limit: 30, windowMs: 15 * 60_000 };

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await locals.store.invitations.inspect(params.token);
	if (!invitation) return { state: 'unknown' as const, min: PASSWORD.min };
	const { government, country, email, state } = invitation;
	return { state, invitation: { government, country, email }, min: PASSWORD.min };
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals, cookies, url } = event;
		const decision = await locals.store.limits.take([{ key: `invitation:address:${clientAddress(event) ?? 'unknown'}`, ...ATTEMPTS }]);
		if (!decision.allowed) error(429, 'Too many attempts.');
		const form = await event.request.formData();
		const field = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		const problem = passwordProblem(field('password'), field('confirm'));
		if (problem) return fail(400, { problem });
		const outcome = await locals.store.invitations.accept(params.token, hashPassword(field('password')));
		if (outcome.kind !== 'accepted') return fail(outcome.kind === 'unknown' ? 404 : 410, { state: outcome.kind });
		const session = await locals.store.reporters.sessions.start(outcome.reporter.id);
		setReporterSession(cookies, url, session.id, session.expiresAt);
		redirect(303, `/${params.lang}/report`);
	}
};
