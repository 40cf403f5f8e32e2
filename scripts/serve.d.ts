/** Types for scripts/serve.js (plain JavaScript so `npm run demo:web` needs no compile step). */
export interface Served {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** The task pane page: `http://127.0.0.1:<port>/taskpane.html` */
  readonly page: string;
  close(): Promise<void>;
}

export function startServer(options?: { root?: string; port?: number; host?: string }): Promise<Served>;

export function fileFor(root: string, urlPath: string): string | null;
