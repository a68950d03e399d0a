import type { PolCenterClient } from '@polcenter/client';
import type { LocalizedText } from '@polcenter/domain';
import { type Failure, failureOf } from '@polcenter/widgets/failure';
import type { ReactiveController } from 'lit';
import { keyedClient } from './api.js';
import type { ConsolePage } from './page.js';

/**
 * One thing a person does on a page (save, create, change status): its progress, its success, and
 * the API's refusal field by field. A second click while it runs does nothing; the same input sent
 * again (a retry after a failure, a double submit) carries the same `Idempotency-Key`, so the
 * server answers it once. New input gets a new key.
 */
export class Action<T> implements ReactiveController {
  state: 'idle' | 'running' | 'done' | 'failed' = 'idle';
  failure: Failure | undefined;
  /** The API's stable code of the last refusal (`ASSIGNMENT.DOUBLE_BOOKED`…), for a page that offers a way on. */
  code: string | undefined;
  /** What the last success returned. */
  result: T | undefined;
  private key: { input: string; value: string } | undefined;

  /**
   * `persistAs` keeps the key in `sessionStorage` under that name until the action succeeds, so the
   * same input sent again after a reload (the answer lost with the page) is still answered once.
   */
  constructor(
    private readonly host: ConsolePage,
    private readonly options: { readonly persistAs?: string } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The input last sent under a kept key (`persistAs`) and not known to have succeeded: a form
   * filled again from it after a reload sends the same input, so the same key.
   */
  kept<I>(): I | undefined {
    const key = this.key ?? this.storedKey();
    return key ? (JSON.parse(key.input) as I) : undefined;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  /** The message for `field` (the API's dotted path), in the page's language, if it was refused. */
  fieldError(field: string): LocalizedText | undefined {
    return this.failure?.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message;
  }

  /** Runs `call` with a client carrying this input's idempotency key. Returns undefined on failure. */
  async run(input: unknown, call: (client: PolCenterClient) => Promise<T>): Promise<T | undefined> {
    if (this.state === 'running') return undefined;
    const text = JSON.stringify(input ?? null);
    this.key ??= this.storedKey();
    if (this.key?.input !== text) this.key = { input: text, value: crypto.randomUUID() };
    this.storeKey(this.key);
    this.state = 'running';
    this.failure = undefined;
    this.code = undefined;
    this.host.requestUpdate();
    try {
      this.result = await call(keyedClient(this.host.currentLang, this.key.value));
      this.state = 'done';
      this.key = undefined;
      this.storeKey(undefined);
      return this.result;
    } catch (error) {
      this.failure = failureOf(error);
      const code = (error as { data?: { domainCode?: unknown } } | null)?.data?.domainCode;
      this.code = typeof code === 'string' ? code : undefined;
      this.state = 'failed';
      return undefined;
    } finally {
      this.host.requestUpdate();
    }
  }

  private storedKey(): { input: string; value: string } | undefined {
    if (!this.options.persistAs) return undefined;
    try {
      const stored = JSON.parse(sessionStorage.getItem(this.options.persistAs) ?? 'null') as unknown;
      const key = stored as { input?: unknown; value?: unknown } | null;
      return typeof key?.input === 'string' && typeof key.value === 'string'
        ? { input: key.input, value: key.value }
        : undefined;
    } catch {
      return undefined;
    }
  }

  private storeKey(key: { input: string; value: string } | undefined): void {
    if (!this.options.persistAs) return;
    try {
      if (key) sessionStorage.setItem(this.options.persistAs, JSON.stringify(key));
      else sessionStorage.removeItem(this.options.persistAs);
    } catch {
      // Storage refused (private mode, full): the key still lives in memory for this page.
    }
  }

  /** Back to idle (the form was edited after a success or a refusal). */
  reset(): void {
    if (this.state === 'running') return;
    this.state = 'idle';
    this.failure = undefined;
    this.code = undefined;
    this.host.requestUpdate();
  }
}
