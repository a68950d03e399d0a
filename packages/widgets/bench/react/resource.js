import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { failureOf } from '../../src/failure';

/** Longest wait between automatic retries, however long the server stays away. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Something a widget reads from the API: its value, whether a load is in flight, and why the last
 * one gave nothing. `start(task, { keep })` supersedes any load in flight (aborting it); `keep`
 * leaves the current value shown until the new one arrives or fails. A failure the server may
 * recover from is retried by itself after 1, 2, 4… seconds (at most 30), and at once when the
 * browser is back online; each call is aborted after the widget's deadline.
 *
 * `widget` is `{ client, deadline }` (see `useWidget`), read when a load starts, so a language
 * switch changes the client of the next load without starting one. `onValue` runs on each success.
 */
export function useApiResource(widget, onValue) {
  const [state, setState] = useState({ value: undefined, failure: undefined, loading: false });
  const latest = useRef({ widget, onValue });
  useLayoutEffect(() => {
    latest.current = { widget, onValue };
  });
  const flight = useRef({ task: undefined, generation: 0, abort: undefined, timer: undefined, retries: 0 });

  const cancel = useCallback(() => {
    const f = flight.current;
    clearTimeout(f.timer);
    f.abort?.abort();
    f.generation++;
  }, []);

  const run = useCallback(async () => {
    const f = flight.current;
    if (!f.task) return;
    cancel();
    const generation = f.generation;
    const abort = new AbortController();
    f.abort = abort;
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, latest.current.widget.deadline);
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    try {
      const value = await f.task({ client: latest.current.widget.client(), signal: abort.signal });
      if (generation !== f.generation) return;
      f.retries = 0;
      setState({ value, failure: undefined, loading: false });
      latest.current.onValue?.(value);
    } catch (error) {
      if (generation !== f.generation) return;
      const failure = failureOf(error, timedOut);
      setState((s) => ({ ...s, failure, loading: false }));
      if (failure.transient) {
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** f.retries++) * (0.8 + Math.random() * 0.4);
        f.timer = setTimeout(run, delay);
      }
    } finally {
      clearTimeout(deadline);
    }
  }, [cancel]);

  const start = useCallback(
    (task, { keep = false } = {}) => {
      flight.current.task = task;
      flight.current.retries = 0;
      setState((s) => ({ value: keep ? s.value : undefined, failure: undefined, loading: true }));
      void run();
    },
    [run],
  );

  const retry = useCallback(() => {
    flight.current.retries = 0;
    void run();
  }, [run]);

  const stop = useCallback(() => {
    cancel();
    flight.current.task = undefined;
    setState({ value: undefined, failure: undefined, loading: false });
  }, [cancel]);

  // Gone from the page: nothing more to load.
  useEffect(() => cancel, [cancel]);

  // Back online after a failure the server may recover from: try at once.
  const waiting = state.failure?.transient === true;
  useEffect(() => {
    if (!waiting) return;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [waiting, retry]);

  return { ...state, start, retry, stop };
}
