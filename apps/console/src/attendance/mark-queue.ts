import type { AttendanceMark } from '@polcenter/domain';
import { type Failure, failureOf } from '@polcenter/widgets/failure';

/** One mark on its way to the server, with the Idempotency-Key it is sent with every time. */
export interface QueuedMark {
  readonly sessionId: string;
  readonly enrolmentId: string;
  readonly mark: AttendanceMark;
  readonly key: string;
}

/** A row as the sheet shows it: on the server, on its way, waiting for the network, or refused. */
export type RowState = 'saved' | 'saving' | 'waiting' | 'refused';

/** Where unsent marks survive a reload or a closed tab (the browser's localStorage in the console). */
export interface QueueStore {
  load(): QueuedMark[];
  save(marks: readonly QueuedMark[]): void;
}

export interface MarkQueueOptions {
  /** Sends one mark with its key; throws the client's error when it did not get an answer. */
  readonly send: (mark: QueuedMark) => Promise<void>;
  readonly store?: QueueStore;
  /** Called whenever a row's state changes, to re-render. */
  readonly onChange?: () => void;
  /** Wait before the n-th retry (1-based), in ms: 1 s doubling to 30 s with jitter by default. */
  readonly retryDelay?: (attempt: number) => number;
  readonly newKey?: () => string;
}

interface Row {
  /** The mark the person chose last, not yet confirmed by the server. */
  wanted: QueuedMark | undefined;
  /** The mark on the wire; retried with its own key until the server answers. */
  sending: QueuedMark | undefined;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  refusal: Failure | undefined;
  /** The last mark the server confirmed in this page's life. */
  confirmed: AttendanceMark | undefined;
}

const defaultDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);

/**
 * Saves attendance marks as they are typed, and never loses one (ADR 0021). Each row sends one
 * mark at a time: a dropped connection, a 5xx, a 429 or a 409 "in progress" retries the **same**
 * mark with the **same** Idempotency-Key (ADR 0011) until the server answers, so a retry of a mark
 * that did commit is answered from the key and never applied twice; only then does a newer choice
 * for that row go out, with a new key, so an old retry can never overwrite it. Unsent marks are kept
 * in the store, so a reload sends them again with their keys. A refusal (bad input, not seated, a
 * closed class) is not retried: the row shows the API's reason.
 */
export class MarkQueue {
  private readonly rows = new Map<string, Row>();
  private waiters: (() => void)[] = [];
  private readonly send: MarkQueueOptions['send'];
  private readonly retryDelay: (attempt: number) => number;
  private readonly newKey: () => string;

  constructor(private readonly options: MarkQueueOptions) {
    this.send = options.send;
    this.retryDelay = options.retryDelay ?? defaultDelay;
    this.newKey = options.newKey ?? (() => crypto.randomUUID());
  }

  /** Marks a reload left unsent, for this session: they are shown as not saved, and sent again. */
  restore(sessionId: string): QueuedMark[] {
    const kept = (this.options.store?.load() ?? []).filter((m) => m.sessionId === sessionId);
    for (const mark of kept) {
      const row = this.row(mark.enrolmentId);
      if (row.wanted || row.sending) continue;
      row.wanted = mark;
      this.pump(mark.enrolmentId);
    }
    return kept;
  }

  /** The person chose `mark` for a trainee: saved as soon as the network allows. */
  set(sessionId: string, enrolmentId: string, mark: AttendanceMark): void {
    const row = this.row(enrolmentId);
    row.refusal = undefined;
    const latest = row.wanted ?? row.sending;
    if (latest?.mark === mark && latest.sessionId === sessionId) return;
    row.wanted = { sessionId, enrolmentId, mark, key: this.newKey() };
    this.persist();
    this.pump(enrolmentId);
    this.changed();
  }

  state(enrolmentId: string): RowState {
    const row = this.rows.get(enrolmentId);
    if (!row) return 'saved';
    if (row.refusal && !row.wanted && !row.sending) return 'refused';
    if (!row.wanted && !row.sending) return 'saved';
    return row.attempts > 0 ? 'waiting' : 'saving';
  }

  /** The mark not yet confirmed for a trainee, to show instead of the server's. */
  unsaved(enrolmentId: string): AttendanceMark | undefined {
    const row = this.rows.get(enrolmentId);
    return (row?.wanted ?? row?.sending)?.mark;
  }

  /** The mark to show: the last chosen if not yet saved, else the last the server confirmed. */
  shown(enrolmentId: string): AttendanceMark | undefined {
    const row = this.rows.get(enrolmentId);
    return (row?.wanted ?? row?.sending)?.mark ?? row?.confirmed;
  }

  refusal(enrolmentId: string): Failure | undefined {
    return this.rows.get(enrolmentId)?.refusal;
  }

  /** Marks not yet confirmed by the server. */
  get pending(): number {
    let n = 0;
    for (const row of this.rows.values()) if (row.wanted || row.sending) n++;
    return n;
  }

  /** Retry every waiting mark now (the network is back). */
  retryNow(): void {
    for (const [id, row] of this.rows) {
      if (row.timer && row.sending) {
        clearTimeout(row.timer);
        row.timer = undefined;
        void this.attempt(id);
      }
    }
  }

  /** Stop the timers (the page is gone); unsent marks stay in the store. */
  dispose(): void {
    for (const row of this.rows.values()) if (row.timer) clearTimeout(row.timer);
  }

  /** Resolves once nothing is pending (for tests and the bench). */
  settled(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private row(enrolmentId: string): Row {
    let row = this.rows.get(enrolmentId);
    if (!row) {
      row = {
        wanted: undefined,
        sending: undefined,
        attempts: 0,
        timer: undefined,
        refusal: undefined,
        confirmed: undefined,
      };
      this.rows.set(enrolmentId, row);
    }
    return row;
  }

  private pump(enrolmentId: string): void {
    const row = this.row(enrolmentId);
    if (row.sending || !row.wanted) return;
    row.sending = row.wanted;
    row.wanted = undefined;
    row.attempts = 0;
    void this.attempt(enrolmentId);
  }

  private async attempt(enrolmentId: string): Promise<void> {
    const row = this.row(enrolmentId);
    const mark = row.sending;
    if (!mark) return;
    try {
      await this.send(mark);
      row.confirmed = mark.mark;
      this.settle(row, enrolmentId, undefined);
    } catch (error) {
      const failure = failureOf(error);
      const code = (error as { data?: { domainCode?: unknown } } | null)?.data?.domainCode;
      // Another try of this very key still running, or the sign-in gone (kept until signed in again).
      const again = failure.transient || code === 'REQUEST.IN_PROGRESS' || code === 'AUTH.SESSION_ENDED';
      if (!again) {
        this.settle(row, enrolmentId, failure);
        return;
      }
      row.attempts++;
      this.changed();
      row.timer = setTimeout(() => {
        row.timer = undefined;
        void this.attempt(enrolmentId);
      }, this.retryDelay(row.attempts));
    }
  }

  private settle(row: Row, enrolmentId: string, refusal: Failure | undefined): void {
    row.sending = undefined;
    row.attempts = 0;
    row.refusal = row.wanted ? undefined : refusal;
    this.persist();
    this.pump(enrolmentId);
    this.changed();
  }

  private persist(): void {
    const store = this.options.store;
    if (!store) return;
    const mine = new Set(this.rows.keys());
    // Marks of other sessions' sheets (another tab, an earlier visit) stay as they are.
    const others = store.load().filter((m) => !mine.has(m.enrolmentId));
    const unsent = [...this.rows.values()].flatMap((r) => [r.sending, r.wanted].filter((m) => m !== undefined));
    store.save([...others, ...unsent]);
  }

  private changed(): void {
    this.options.onChange?.();
    if (this.waiters.length > 0 && this.pending === 0) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const resolve of waiting) resolve();
    }
  }
}

/** The console's store: one list in localStorage, whatever sheet the marks belong to. */
export function localQueueStore(storage: Storage = localStorage, name = 'polcenter.attendance.unsent'): QueueStore {
  return {
    load() {
      try {
        const value = JSON.parse(storage.getItem(name) ?? '[]') as unknown;
        return Array.isArray(value) ? (value as QueuedMark[]) : [];
      } catch {
        return [];
      }
    },
    save(marks) {
      if (marks.length === 0) storage.removeItem(name);
      else storage.setItem(name, JSON.stringify(marks));
    },
  };
}
