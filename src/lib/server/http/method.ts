/** GET and HEAD read; every other method may change something, OPTIONS and unknown ones included, and is guarded as a write. */
export const isReading = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

export const isWrite = (request: Request) => !isReading(request);
