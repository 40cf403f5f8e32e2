/**
 * The engine's Web Worker on the stand-alone page: reading the .xlsx, the check and
 * writing the result run here, so the page stays responsive on a large workbook.
 */
import type { Port } from "./protocol";
import { createWorkbookSession } from "./workbookSession";
import { serve } from "./workerHost";

// The project's TypeScript library is the DOM's, not the worker's; the worker's global
// scope has the two members `serve` needs.
serve(self as unknown as Port, createWorkbookSession());
