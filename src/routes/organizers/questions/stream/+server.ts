import { requireOrganizer } from '$lib/server/organizers/actor';
import { moderationStream } from '$lib/server/questions/moderation-stream';
import type { RequestHandler } from './$types';

// The console's moderation view follows this: an event `changed` after every change to the questions.
export const GET: RequestHandler = (event) => {
	requireOrganizer(event);
	return moderationStream(event.locals.store.questions.changes);
};
