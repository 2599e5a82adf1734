/** Something that can be undone, e.g. an event subscription. */
export interface Disposable {
  dispose(): void;
}

/** A subscription function: call it with a listener, dispose the result to unsubscribe. */
export type Event<T> = (listener: (event: T) => void) => Disposable;

/**
 * A minimal typed event emitter (the core cannot use VS Code's). A listener
 * that throws does not stop the others: the index must keep serving even if
 * one view's refresh fails.
 */
export class Emitter<T> {
  private listeners: Array<(event: T) => void> = [];

  /** Subscribe to the events. */
  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  /** Deliver an event to every current listener; returns the errors thrown by listeners. */
  fire(event: T): unknown[] {
    const errors: unknown[] = [];
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        errors.push(err);
      }
    }
    return errors;
  }

  /** Drops every listener. */
  dispose(): void {
    this.listeners = [];
  }
}
