import { fail, redirect } from '@sveltejs/kit';
import { REPORTER_DEVICE_COOKIE, setReporterDevice, setReporterSession } from '$lib/server/governments/reporter-session';
import { passwordSignIn } from '$lib/server/organizers/password-sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	if (locals.reporter) redirect(303, `/${params.lang}/report`);
};

export const actions: Actions = {
	default: async (event) => {
		const { cookies, url, params, locals } = event;
		const signIn = await passwordSignIn(event, await event.request.formData(), 'reporter', REPORTER_DEVICE_COOKIE, (email, password) =>
			locals.store.reporters.checkPassword(email, password)
		);
		if (!signIn.ok) return fail(signIn.status, { error: signIn.error, retryAfterMs: signIn.retryAfterMs, email: signIn.email });
		const session = await locals.store.reporters.sessions.start(signIn.account.id);
		setReporterSession(cookies, url, session.id, session.expiresAt);
		if (signIn.newDevice) setReporterDevice(cookies, url, signIn.newDevice);
		redirect(303, `/${params.lang}/report`);
	}
};
