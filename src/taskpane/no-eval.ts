// zod 4 probes for `new Function` to speed up parsing; the pane's Content-Security-Policy forbids
// eval, so tell zod not to try (no CSP violation in the console, same results).
import { z } from "zod";

z.config({ jitless: true });
