import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/** Stands for one named value while the query is compiled; each call binds its own value in its place. */
class Placeholder {
	readonly name: string;
	constructor(name: string) {
		this.name = name;
	}
}

/**
 * A query of the hot paths (every write, every update of the live count) built and compiled once:
 * Kysely otherwise builds its tree and compiles it to SQL on every call, which was most of a write's
 * CPU beside SQLite's own work. `build` writes the query with `values.<name>` where each value goes;
 * each call runs the same SQL with its own values bound in those places, on the connection it is given
 * (a transaction's included), compiled once per dialect. A value must reach the query as a bound parameter (not `is null`, not a
 * column list that depends on it): the first call checks that every name it used became one.
 */
export function compiledOnce<Values extends Record<string, unknown>, Row>(build: (db: Kysely<Database>, values: Values) => Compilable<Row>) {
	// Per dialect: one process may hold stores of both engines (the store command's copy).
	const compiledFor = new Map<unknown, { query: CompiledQuery<Row>; slots: (string | undefined)[] }>();

	function compile(db: Kysely<Database>) {
		const used = new Set<string>();
		const placeholders = new Proxy({} as Values, {
			get(_, name) {
				if (typeof name !== 'string') return undefined;
				used.add(name);
				return new Placeholder(name);
			}
		});
		const query = build(db, placeholders).compile();
		const slots = query.parameters.map((value) => (value instanceof Placeholder ? value.name : undefined));
		const bound = new Set(slots.filter((name) => name !== undefined));
		const unbound = [...used].filter((name) => !bound.has(name));
		if (unbound.length > 0) throw new Error(`compiledOnce: ${unbound.join(', ')} did not become bound parameters of ${query.sql}`);
		return { query, slots };
	}

	return async (db: Kysely<Database>, values: Values): Promise<QueryResult<Row>> => {
		const dialect = db.getExecutor().adapter.constructor;
		let compiled = compiledFor.get(dialect);
		if (!compiled) {
			compiled = compile(db);
			// A value given but never placed (a column added to the table, forgotten in the query) is refused, not dropped.
			const forgotten = Object.keys(values).filter((name) => !compiled!.slots.includes(name));
			if (forgotten.length > 0) throw new Error(`compiledOnce: ${forgotten.join(', ')} given but not in ${compiled.query.sql}`);
			compiledFor.set(dialect, compiled);
		}
		const { query, slots } = compiled;
		const parameters = slots.map((name, index) => (name === undefined ? query.parameters[index] : values[name]));
		return db.executeQuery<Row>({ ...query, parameters });
	};
}
