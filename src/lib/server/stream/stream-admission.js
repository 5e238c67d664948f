// @ts-check
/**
 * How many event streams may be open: per client address (a venue behind one NAT address shares
 * it, hence a generous default) and in all (kept below the connections the process can hold, so
 * pages and /healthz still answer when the streams are full). `0` per address turns that cap off.
 * @param {{ perAddress: number, total: number }} caps
 */
export function createStreamAdmission({ perAddress, total }) {
	/** @type {Map<string, number>} */
	const byAddress = new Map();
	let open = 0;

	return {
		get open() {
			return open;
		},
		/**
		 * A place for one more stream from `address`, or why not. The returned `release` frees it (once).
		 * @param {string} address
		 * @returns {{ admitted: true, release: () => void } | { admitted: false, reason: 'address' | 'total' }}
		 */
		admit(address) {
			const held = byAddress.get(address) ?? 0;
			if (perAddress > 0 && held >= perAddress) return { admitted: false, reason: 'address' };
			if (open >= total) return { admitted: false, reason: 'total' };
			byAddress.set(address, held + 1);
			open++;
			let isReleased = false;
			return {
				admitted: true,
				release() {
					if (isReleased) return;
					isReleased = true;
					open--;
					const left = (byAddress.get(address) ?? 1) - 1;
					if (left > 0) byAddress.set(address, left);
					else byAddress.delete(address);
				}
			};
		}
	};
}
