import { serveLiveStream } from '$lib/server/stream/live-endpoint';
import type { RequestHandler } from './$types';

// The live stream's moderation topic where the console's session cookie goes (it is scoped to /organizers).
export const GET: RequestHandler = (event) => serveLiveStream(event, ['moderation']);
