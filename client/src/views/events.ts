/** Something that can be undone, e.g. an event subscription. */
export interface Disposable {
  dispose(): void;
}

/** Subscribe with a listener; dispose the result to unsubscribe. Same shape as `vscode.Event`. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/**
 * A minimal typed emitter for the pure tree models, which cannot use
 * `vscode.EventEmitter` (they are tested without an editor).
 */
export class Emitter<T> {
  private listeners: Array<(event: T) => void> = [];

  /** Subscribe to the events. */
  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  /** Delivers an event to every current listener. */
  fire(event: T): void {
    for (const l of [...this.listeners]) l(event);
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners = [];
  }
}
