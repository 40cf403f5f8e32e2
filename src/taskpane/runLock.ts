import type { Message } from "../core/types";
import { BalansError } from "./actions";

/**
 * One run at a time. The task pane and the ribbon's "Kontrollera arbetsboken" can both
 * start a run, and a second run while one is writing would race it for the same summary
 * sheets; so every run (and every settings save, which writes too) takes this lock and a
 * second one is refused with a message rather than queued.
 *
 * Two layers:
 * - a module-level flag, for runs started in the same JavaScript runtime (the pane's
 *   button and anything else in the pane's bundle);
 * - a lease in `localStorage`, for the ribbon command, which Office runs in a runtime of
 *   its own (no shared runtime in our manifest): both pages are served from the add-in's
 *   origin, and browser runtimes of one origin share `localStorage`. The lease names the
 *   document, so two workbooks do not block each other, and it expires, so a runtime that
 *   died half-way (pane closed, Excel crashed) cannot block runs for ever; it is renewed
 *   while the run lasts.
 * Where there is no storage (Node, a storage-less runtime) only the first layer applies.
 * Two co-authors on two machines share neither: that case is caught later, when the
 * fingerprint of the source sheets no longer matches at write time (see officeActions).
 */

export const RUN_IN_PROGRESS: Message = {
  sv: "Balans kör redan en kontroll av den här arbetsboken. Vänta tills den är klar och försök sedan igen.",
  en: "Balans is already checking this workbook. Wait until it has finished, then try again.",
};

/** The part of `Storage` the lease uses. */
export interface LeaseStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface RunLockOptions {
  /** Shared storage for the lease; omit for a lock within this runtime only. */
  readonly store?: LeaseStore | null;
  /** Which workbook the lease is for (its URL); runs on other workbooks are not blocked. */
  readonly documentKey?: () => string;
  readonly now?: () => number;
  /** How long a lease holds without renewal (default 5 minutes). */
  readonly leaseMs?: number;
  /** How often a held lease is renewed (default 30 s). */
  readonly renewMs?: number;
  /** Timers, replaceable in tests. */
  readonly setInterval?: (callback: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
}

export interface RunLock {
  /** Runs `work` holding the lock; throws a BalansError with RUN_IN_PROGRESS when it is taken. */
  withLock<T>(work: () => Promise<T>): Promise<T>;
  /** True while a run of this runtime holds the lock. */
  readonly busy: boolean;
}

const KEY_PREFIX = "balans.run-lock:";

interface Lease {
  readonly owner: string;
  readonly until: number;
}

function parseLease(text: string | null): Lease | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Lease>;
    return typeof value.owner === "string" && typeof value.until === "number" ? { owner: value.owner, until: value.until } : null;
  } catch {
    return null;
  }
}

function randomOwner(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function createRunLock(options: RunLockOptions = {}): RunLock {
  const now = options.now ?? (() => Date.now());
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const renewMs = options.renewMs ?? 30_000;
  const startTimer = options.setInterval ?? ((callback: () => void, ms: number) => setInterval(callback, ms));
  const stopTimer = options.clearInterval ?? ((handle: unknown) => clearInterval(handle as ReturnType<typeof setInterval>));
  const owner = randomOwner();
  let busy = false;

  // Storage may throw (disabled, quota, private mode): the lease is then skipped, never the run.
  const store = options.store ?? null;
  const safely = <T>(work: (s: LeaseStore) => T): T | undefined => {
    if (!store) return undefined;
    try {
      return work(store);
    } catch {
      return undefined;
    }
  };
  const key = () => KEY_PREFIX + (options.documentKey?.() ?? "");

  const takeLease = (): boolean => {
    const result = safely((s) => {
      const held = parseLease(s.getItem(key()));
      if (held && held.owner !== owner && held.until > now()) return false;
      s.setItem(key(), JSON.stringify({ owner, until: now() + leaseMs }));
      // Two runtimes writing at once: whoever's write stuck has the lease.
      return parseLease(s.getItem(key()))?.owner === owner;
    });
    return result ?? true;
  };
  const renewLease = () => {
    safely((s) => {
      if (parseLease(s.getItem(key()))?.owner === owner) s.setItem(key(), JSON.stringify({ owner, until: now() + leaseMs }));
    });
  };
  const dropLease = () => {
    safely((s) => {
      if (parseLease(s.getItem(key()))?.owner === owner) s.removeItem(key());
    });
  };

  return {
    get busy() {
      return busy;
    },
    async withLock<T>(work: () => Promise<T>): Promise<T> {
      if (busy || !takeLease()) throw new BalansError(RUN_IN_PROGRESS);
      busy = true;
      const timer = store ? startTimer(renewLease, renewMs) : undefined;
      try {
        return await work();
      } finally {
        if (timer !== undefined) stopTimer(timer);
        dropLease();
        busy = false;
      }
    },
  };
}

/** `localStorage` when the runtime has one that works, else null. */
function browserStore(): LeaseStore | null {
  try {
    const storage = (globalThis as { localStorage?: LeaseStore }).localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

/** The open document's URL when Office gives one (an unsaved workbook has none). */
function officeDocumentUrl(): string {
  try {
    return (typeof Office !== "undefined" && Office.context?.document?.url) || "";
  } catch {
    return "";
  }
}

let shared: RunLock | undefined;

/** The lock every Office run in this runtime shares (the pane's actions and the ribbon command's). */
export function sharedRunLock(): RunLock {
  shared ??= createRunLock({ store: browserStore(), documentKey: officeDocumentUrl });
  return shared;
}
