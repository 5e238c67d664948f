import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/server/pledges/types';

/** The organizer the guard let through; a console action never runs without one. */
export function actorOf(event: Pick<RequestEvent, 'locals'>): Actor {
	const organizer = event.locals.organizer;
	if (!organizer) error(403, 'Sign in first.');
	return { id: organizer.id, email: organizer.email };
}
