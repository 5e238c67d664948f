import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/server/pledges/types';
import type { Organizer } from './accounts';

/**
 * The organizer the guard let through. Every console load and action asks for it itself, so a
 * request the guard did not stop (a route it does not know of) is still refused.
 */
export function requireOrganizer(event: Pick<RequestEvent, 'locals'>): Organizer {
	const organizer = event.locals.organizer;
	if (!organizer) error(403, 'Sign in first.');
	return organizer;
}

/** The signed-in organizer as the audit log names them. */
export function actorOf(event: Pick<RequestEvent, 'locals'>): Actor {
	const { id, email } = requireOrganizer(event);
	return { id, email };
}
