// @ts-check
import { createServer } from 'node:net';

/** A TCP port nothing listens on right now (the system picks it), for a server started by a bench or a test. */
export function freePort() {
	return /** @type {Promise<number>} */ (
		new Promise((resolve, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
			});
		})
	);
}
