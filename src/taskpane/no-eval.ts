// zod 4 probes for `new Function` to speed up parsing; the pane's Content-Security-Policy forbids
// eval, so tell zod not to try (no CSP violation in the console, same results). The pane's schemas
// use zod/mini, whose objects never compile code; the setting lives in the core that zod/mini and
// classic zod share (one global config), so it still guards any classic zod schema the pane bundles.
import { z } from "zod/mini";

z.config({ jitless: true });
