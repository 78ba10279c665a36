/**
 * Work under way in this process, by key: a caller asking for what is already being done gets
 * the same promise instead of doing it again, and the key is free once it settles (a failure is
 * not kept: the next caller tries anew).
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    let promise = this.pending.get(key);
    if (!promise) {
      promise = work().finally(() => this.pending.delete(key));
      this.pending.set(key, promise);
    }
    return promise;
  }
}
