/** Decided on the route SvelteKit matched, never on the URL's spelling. */
export const isApiRoute = (routeId: string | null) => Boolean(routeId?.startsWith('/api/'));

/** The API's part a route belongs to: `/api/pledges` → `pledges`, `/api/questions/[id]` → `questions`. */
export const apiPartOf = (routeId: string | null) => (isApiRoute(routeId) ? routeId!.split('/')[2] : 'api');

/** An address under /api/ that no route answers: a script's mistake, answered in JSON like the rest of the API. */
export const isUnknownApiAddress = (routeId: string | null, pathname: string) => routeId === null && (pathname === '/api' || pathname.startsWith('/api/'));
