import type { Connection } from 'vscode-languageserver';

export function logError(connection: Connection, what: string, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  connection.console.error(`Capdrop: error while ${what}: ${detail}`);
}

/**
 * Wraps a request handler so that an exception is logged with its stack and the request still gets a
 * normal, empty answer: a failed request would only show the client an unexplained error.
 */
export function guarded<P, R>(connection: Connection, what: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (err) {
      logError(connection, what, err);
      return fallback;
    }
  };
}

/** The same for notifications, which have no answer. */
export function guardedNotification<P>(connection: Connection, what: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params: P) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((err: unknown) => logError(connection, what, err));
    } catch (err) {
      logError(connection, what, err);
    }
  };
}
