// `npm run organizers -- add <email> | list | remove <email>`: manage who may use the console and
// the API, on the store named by DATABASE_URL (SQLite file or PostgreSQL; the server may be running).
import { openStore } from '../lib/server/store/open.ts';

const [command, email] = process.argv.slice(2);
const usage = 'usage: npm run organizers -- add <email> | list | remove <email>';

const store = await openStore();
const accounts = store.organizers;
try {
	if (command === 'add' && email) {
		const { organizer, password, token } = await accounts.add(email);
		console.log(`organizer: ${organizer.email}`);
		console.log(`password: ${password}`);
		console.log(`token: ${token}`);
		console.log('Both are shown only this once; the store keeps only their hashes.');
	} else if (command === 'list' && !email) {
		const organizers = await accounts.list();
		if (organizers.length === 0) console.log('No organizers yet.');
		for (const organizer of organizers) console.log(`${organizer.email}\tsince ${organizer.createdAt}`);
	} else if (command === 'remove' && email) {
		if (!(await accounts.remove(email))) {
			console.error(`No organizer ${email}.`);
			process.exitCode = 1;
		} else console.log(`Removed ${email}; their sessions and token no longer work.`);
	} else {
		console.error(usage);
		process.exitCode = 2;
	}
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await store.close();
}
