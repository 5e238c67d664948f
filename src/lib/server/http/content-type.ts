/** What a request says its body is, by its media type (parameters such as charset aside). */
export function mediaTypeOf(request: Request): string {
	return request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
}

// What a page on another site can send without asking the server first (no CORS preflight).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export const isFormBody = (request: Request) => FORM_TYPES.includes(mediaTypeOf(request));

export const isJsonBody = (request: Request) => mediaTypeOf(request) === 'application/json';
