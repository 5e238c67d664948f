import { translatorFor } from '$lib/event/translator';
import type { LayoutLoad } from './$types';

// The console is plain HTML forms: no JavaScript to download, and nothing typed is lost to hydration.
export const csr = false;

export const load: LayoutLoad = async ({ data }) => ({ ...data, t: await translatorFor(data.lang) });
