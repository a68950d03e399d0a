/**
 * A bounded memory of facts that never change once written — which class a session belongs to,
 * which unit organises a class — asked before nearly every class-scoped call: read from the
 * database once per process instead of once per request. Past `max` entries the oldest is
 * forgotten (a Map keeps insertion order); a failed read is not remembered. Never use it for
 * anything an operation can change.
 */
export class Remembered<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly max = 10_000) {}

  async get(key: string, read: () => Promise<V>): Promise<V> {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = await read();
    if (this.values.size >= this.max) {
      const oldest = this.values.keys().next();
      if (!oldest.done) this.values.delete(oldest.value);
    }
    this.values.set(key, value);
    return value;
  }
}
