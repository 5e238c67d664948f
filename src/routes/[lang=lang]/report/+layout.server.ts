import type { LayoutServerLoad } from './$types';

// A reporter's own pages: rendered for each request, never cached, never indexed.
export const prerender = false;

export const load: LayoutServerLoad = ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const reporter = locals.reporter;
	return { reporter: reporter && { email: reporter.email, government: reporter.government, country: reporter.country } };
};
