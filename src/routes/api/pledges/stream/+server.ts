import { serveLiveStream } from '$lib/server/stream/live-endpoint';
import type { RequestHandler } from './$types';

// The live stream under its first name: the count and the questions (`?topics=` picks others).
export const GET: RequestHandler = (event) => serveLiveStream(event);
