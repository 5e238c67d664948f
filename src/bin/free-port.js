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

// `node src/bin/free-port.js --print`: for a configuration that must choose a port synchronously.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href && process.argv[2] === '--print') {
	console.log(await freePort());
}
