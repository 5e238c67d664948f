import { fail, redirect } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { MAX_PENDING, submissionFromForm, takeReporterWrite } from '$lib/server/governments/desk';
import { clearReporterSession, REPORTER_SESSION_COOKIE, requireReporter } from '$lib/server/governments/reporter-session';
import { reporterActor } from '$lib/server/governments/reporters';
import { retryAfterSeconds } from '$lib/server/limits/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const reporter = requireReporter(event);
	const submitted = event.url.searchParams.get('submitted');
	const pledges = await event.locals.store.reporting.ofGovernment(reporter);
	return {
		pledges: pledges.map(({ id, title, status, verification = 'published', lastReport, lang }) => ({ id, title, status, verification, lastReport, lang })),
		submitted: pledges.find((pledge) => pledge.id === submitted)?.title,
		maxPending: MAX_PENDING
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const reporter = requireReporter(event);
		const { store } = event.locals;
		// The government and country are the invitation's, whatever the form says.
		const submission = submissionFromForm(await event.request.formData(), reporter);
		if (!submission.ok) return fail(400, { errors: submission.errors, values: submission.values });
		const { fields } = submission;
		if ((await store.reporting.pendingOf(reporter.id)) >= MAX_PENDING) return fail(429, { limit: 'pendingLimit' as const, values: fields });
		const decision = await takeReporterWrite(store, reporter, event);
		if (!decision.allowed) {
			event.setHeaders({ 'retry-after': String(retryAfterSeconds(decision.retryAfterMs)) });
			return fail(429, { limit: 'tooMany' as const, retryAfterMs: decision.retryAfterMs, values: fields });
		}
		const pledge = await store.reporting.submit(fields, event.params.lang as Language, reporter, reporterActor(reporter));
		redirect(303, `/${event.params.lang}/report?submitted=${pledge.id}`);
	},

	signOut: async (event) => {
		requireReporter(event);
		const id = event.cookies.get(REPORTER_SESSION_COOKIE);
		if (id) await event.locals.store.reporters.sessions.end(id);
		clearReporterSession(event.cookies, event.url);
		redirect(303, `/${event.params.lang}/report/sign-in`);
	}
};
