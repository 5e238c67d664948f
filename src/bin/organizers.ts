// `npm run organizers -- add <email> | list | remove <email>`: manage who may use the console and
// the API, on the store named by DATABASE_URL (SQLite file or PostgreSQL; the server may be running).
// `add-captioner <email> | list-captioners | remove-captioner <email>`: who may post live captions.
import { openStore } from '../lib/server/store/open.ts';

const [command, email] = process.argv.slice(2);
const usage = 'usage: npm run organizers -- add <email> | list | remove <email> | add-captioner <email> | list-captioners | remove-captioner <email>';

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
	} else if (command === 'add-captioner' && email) {
		const { captioner, token } = await store.captioners.add(email);
		console.log(`captioner: ${captioner.email}`);
		console.log(`token: ${token}`);
		console.log('It is shown only this once; the store keeps only its hash. It may post captions (POST /api/captions), nothing else.');
	} else if (command === 'list-captioners' && !email) {
		const captioners = await store.captioners.list();
		if (captioners.length === 0) console.log('No captioners yet.');
		for (const captioner of captioners) console.log(`${captioner.email}\tsince ${captioner.createdAt}`);
	} else if (command === 'remove-captioner' && email) {
		if (!(await store.captioners.remove(email))) {
			console.error(`No captioner ${email}.`);
			process.exitCode = 1;
		} else console.log(`Removed captioner ${email}; their token no longer works.`);
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
