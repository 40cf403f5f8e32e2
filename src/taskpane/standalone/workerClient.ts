import type { Message } from "../../core/types";
import { BalansError, type Step } from "../actions";
import type { CallName, Calls, Port, Reply, Request } from "./protocol";
import { STANDALONE_TEXT } from "./texts";

export interface WorkerClient {
  call<K extends CallName>(call: K, args: Calls[K]["args"], onStep?: (step: Step) => void): Promise<Calls[K]["result"]>;
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onStep?: (step: Step) => void;
}

/**
 * Promises over the worker's messages. A reply finds its call by id; a worker that dies
 * (out of memory, a script error) fails every call still waiting, with a message that
 * says so, rather than leaving the page waiting for ever.
 */
export function createWorkerClient(port: Port & { onerror?: ((event: Event) => void) | null }): WorkerClient {
  const pending = new Map<number, Pending>();
  let nextId = 1;

  port.onmessage = (event: MessageEvent) => {
    const reply = event.data as Reply;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    if (reply.kind === "step") {
      waiting.onStep?.(reply.step);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === "done") waiting.resolve(reply.result);
    else waiting.reject(new BalansError(reply.message));
  };

  const failAll = (message: Message) => {
    for (const waiting of pending.values()) waiting.reject(new BalansError(message));
    pending.clear();
  };
  if ("onerror" in port) {
    port.onerror = (event: Event) => {
      console.error(event);
      failAll(STANDALONE_TEXT.workerFailed);
    };
  }

  return {
    call(call, args, onStep) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (result: unknown) => void, reject, onStep });
        port.postMessage({ id, call, args } as Request);
      });
    },
  };
}
