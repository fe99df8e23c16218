/**
 * A queue of one: each piece of work given to it starts once the one before
 * has ended, in the order they were given. A failure belongs to its own
 * caller and does not stop the next.
 */
export function oneAtATime(): <T>(run: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
}
