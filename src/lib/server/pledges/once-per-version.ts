/**
 * A value worked out at most once per ledger version and key (e.g. a language), for the version the caller read
 * from the store: what every page of the list shows beside its own rows (the count, the map) stops costing a
 * query and a projection per render. Only the newest version read is remembered: a request that read an older
 * one (slower, or before another instance's change) gets its value worked out for it alone. A value is worked
 * out after its version was read, so it is never older than the version it is given for. A failure is not
 * remembered.
 */
export function oncePerVersion<Key, Value>(compute: (key: Key, version: number) => Promise<Value>): (version: number, key: Key) => Promise<Value> {
	let current: { version: number; values: Map<Key, Promise<Value>> } | undefined;
	return (version, key) => {
		if (current && version < current.version) return compute(key, version);
		if (current?.version !== version) current = { version, values: new Map() };
		const values = current.values;
		let value = values.get(key);
		if (!value) {
			value = compute(key, version);
			values.set(key, value);
			const computed = value;
			computed.catch(() => {
				if (values.get(key) === computed) values.delete(key);
			});
		}
		return value;
	};
}
