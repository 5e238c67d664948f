import { serveLiveStream } from '$lib/server/stream/live-endpoint';
import type { RequestHandler } from './$types';

// The live stream under a name that is not the pledges': the same stream as /api/pledges/stream.
export const GET: RequestHandler = (event) => serveLiveStream(event);
