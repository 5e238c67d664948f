import { webStreamResponse } from '$lib/server/stream/web-stream';
import type { RequestHandler } from './$types';

// src/bin/serve.js answers this URL before SvelteKit does (on the raw response, lighter per viewer);
// this route serves it wherever the app runs without serve.js (vite dev, vite preview).
export const GET: RequestHandler = ({ locals }) => webStreamResponse(locals.site.hub);
