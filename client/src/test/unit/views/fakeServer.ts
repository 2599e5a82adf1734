import type { NotificationDef, RequestDef } from '../../../../../server/src/protocol';
import type { ServerApi } from '../../../serverApi';

/** One request the fake received. */
export interface RecordedRequest {
  readonly method: string;
  readonly params: unknown;
}

/**
 * A ServerApi that answers from handlers the test sets per method and
 * records every request, so tests can see what a model asked for and when.
 */
export class FakeServer implements ServerApi {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers = new Map<string, (params: any) => unknown>();
  private readonly listeners = new Map<string, Array<(params: any) => void>>();
  private gate: Promise<void> | undefined;

  /**
   * Holds the answers back until the returned function is called, the way a
   * real answer arrives later than it was computed: requests made meanwhile
   * answer from the state at the time they were made.
   */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  /** Answers `def` with `handler` from now on. */
  on<P, R>(def: RequestDef<P, R>, handler: (params: P) => R): this {
    this.handlers.set(def.method, handler as (params: unknown) => unknown);
    return this;
  }

  async request<P, R>(def: RequestDef<P, R>, params: P): Promise<R> {
    this.requests.push({ method: def.method, params });
    const h = this.handlers.get(def.method);
    if (!h) throw new Error(`no handler for ${def.method}`);
    const answer = structuredClone(h(params)) as R;
    if (this.gate) await this.gate;
    return answer;
  }

  onNotification<P>(def: NotificationDef<P>, handler: (params: P) => void): { dispose(): void } {
    const list = this.listeners.get(def.method) ?? [];
    list.push(handler);
    this.listeners.set(def.method, list);
    return { dispose: () => this.listeners.set(def.method, (this.listeners.get(def.method) ?? []).filter((l) => l !== handler)) };
  }

  /** Delivers a notification to the registered handlers. */
  notify<P>(def: NotificationDef<P>, params: P): void {
    for (const l of this.listeners.get(def.method) ?? []) l(params);
  }

  /** The requests of one method. */
  calls(def: { method: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.method === def.method);
  }
}
