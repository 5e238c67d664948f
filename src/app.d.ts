// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Language } from '$lib/i18n/languages';
import type { CaptionerAccount } from '$lib/server/captions/types';
import type { Reporter } from '$lib/server/governments/types';
import type { Organizer } from '$lib/server/organizers/accounts';
import type { Store } from '$lib/server/store/types';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** The store could not be read or written (answered 503). */
			isStoreUnavailable?: boolean;
		}
		interface Locals {
			/** The signed-in organizer (console session or API token), set by the guard. */
			organizer?: Organizer;
			/** The captioner whose token the guard took (POST /api/captions). */
			captioner?: CaptionerAccount;
			/** The signed-in reporter of a local government (the reporters' area), set by its guard. */
			reporter?: Reporter;
			/** The console's language, when the path does not carry one. */
			lang?: Language;
			/** The store, opened at startup with the live count's hub (src/lib/server/site.ts); set for every request but prerendering. */
			store: Store;
			/** Markup the page's load kept (the list's map), put in the page's KEPT_MARKUP_SLOT by hooks.server.ts. */
			keptMarkup?: string;
			/** Set when handling the request met a store fault (hooks.server.ts answers 503). */
			storeFault?: boolean;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
	/** The instant the site was built (vite.config.ts `define`), the same in server and browser code. */
	const __BUILT_AT__: string;
}

export {};
