/**
 * Tables ordered parents first: a table comes after every table its foreign keys refer to, so rows
 * load without breaking a constraint. Ties keep alphabetical order, so both engines agree.
 */
export function parentsFirst(tables: readonly string[], parentsOf: ReadonlyMap<string, readonly string[]>): string[] {
	const ordered: string[] = [];
	const placed = new Set<string>();
	const visiting = new Set<string>();
	const visit = (table: string) => {
		if (placed.has(table)) return;
		if (visiting.has(table)) throw new Error(`the tables' foreign keys go round in a circle through ${table}`);
		visiting.add(table);
		for (const parent of [...(parentsOf.get(table) ?? [])].sort()) if (parent !== table && tables.includes(parent)) visit(parent);
		visiting.delete(table);
		placed.add(table);
		ordered.push(table);
	};
	for (const table of [...tables].sort()) visit(table);
	return ordered;
}
