// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
	/** The instant the site was built (vite.config.ts `define`), the same in server and browser code. */
	const __BUILT_AT__: string;
}

export {};
