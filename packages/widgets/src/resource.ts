import type { PolCenterClient } from '@polcenter/client';
import type { Lang } from '@polcenter/domain';
import type { ReactiveController } from 'lit';
import type { AttributeProblem } from './attributes.js';
import type { PcElement } from './element.js';
import { type Failure, failureOf } from './failure.js';

/** One API call: the widget's client, and a signal that aborts it (superseded, too slow, detached). */
export type Task<T> = (call: { client: PolCenterClient; signal: AbortSignal }) => Promise<T>;

/** Longest wait between automatic retries, however long the server stays away. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Something a widget reads from the API, and what happened to it: the value, a load in flight, or
 * why there is none. A failure the server may recover from is retried by itself, sooner and
 * sooner no more: after 1, 2, 4… seconds (at most 30), and at once when the browser comes back
 * `online`. What was shown stays shown when a later load (the next page, a new filter) fails.
 */
export class ApiResource<T> implements ReactiveController {
  /** The last value read; kept through later failures when the load was started with `keep`. */
  value: T | undefined;
  /** Why the last load gave nothing; cleared by the next success or a fresh start. */
  failure: Failure | undefined;
  /** The server refused an attribute's value: a webmaster's mistake, not the visitor's. */
  problem: AttributeProblem | undefined;
  /** A load is in flight (the first one, a retry, the next page). */
  loading = false;

  #task: Task<T> | undefined;
  #generation = 0;
  #abort: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retries = 0;
  /** The language of the last load. */
  #lang: Lang | undefined;
  readonly #host: PcElement;
  readonly #loaded: ((value: T) => void) | undefined;
  readonly #refused: ((failure: Failure) => void) | undefined;

  constructor(host: PcElement, loaded?: (value: T) => void, refused?: (failure: Failure) => void) {
    this.#host = host;
    this.#loaded = loaded;
    this.#refused = refused;
    host.addController(this);
  }

  /**
   * Loads with `task`, superseding any load in flight. `keep` leaves the current value on screen
   * until the new one arrives (or fails: then both the value and the failure are shown).
   */
  start(task: Task<T>, { keep = false } = {}): void {
    this.#task = task;
    this.#retries = 0;
    this.failure = undefined;
    this.problem = undefined;
    if (!keep) this.value = undefined;
    void this.#load();
  }

  /** Tries the last load again now (the visitor's retry button). */
  retry(): void {
    this.#retries = 0;
    void this.#load();
  }

  /** Forgets the task: the widget has nothing valid to ask for, and `problem` (a webmaster's mistake) says why. */
  stop(problem?: AttributeProblem): void {
    this.#cancel();
    this.#task = undefined;
    this.value = undefined;
    this.failure = undefined;
    this.problem = problem;
  }

  /** The server's sentences are in the language asked for: a failure is asked again in the widget's new one. */
  hostUpdate(): void {
    if (this.#lang !== this.#host.language && (this.failure || this.problem)) this.retry();
  }

  hostConnected(): void {
    window.addEventListener('online', this.#online);
    // Moved or re-attached: what was cut off by the detach starts again.
    if (this.#task && (this.failure?.transient || (this.value === undefined && !this.problem))) void this.#load();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#online);
    this.#cancel();
  }

  readonly #online = (): void => {
    if (this.failure?.transient) this.retry();
  };

  #cancel(): void {
    clearTimeout(this.#retryTimer);
    this.#abort?.abort();
    this.#generation++;
    this.loading = false;
  }

  async #load(): Promise<void> {
    const task = this.#task;
    if (!task) return;
    this.#cancel();
    const generation = this.#generation;
    const abort = new AbortController();
    this.#lang = this.#host.language;
    this.#abort = abort;
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.#host.deadline);
    this.loading = true;
    this.#host.requestUpdate();
    try {
      const value = await task({ client: this.#host.client, signal: abort.signal });
      if (generation !== this.#generation) return;
      this.value = value;
      this.failure = undefined;
      this.problem = undefined;
      this.#retries = 0;
      this.#loaded?.(value);
    } catch (error) {
      if (generation !== this.#generation) return;
      const failure = failureOf(error, timedOut);
      this.failure = failure;
      this.problem = failure.transient ? undefined : this.#host.refused(failure);
      if (!failure.transient) this.#refused?.(failure);
      if (failure.transient) {
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#retries++) * (0.8 + Math.random() * 0.4);
        this.#retryTimer = setTimeout(() => void this.#load(), delay);
      }
    } finally {
      clearTimeout(deadline);
      if (generation === this.#generation) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}
