// A bounded memo, for answers the core works out over and over from the same
// few inputs (a key's field name, a date a week on, a word's stem): each is
// worked out once and kept, in a map emptied when it reaches its bound, so a
// long-running extension host holds no more than that.

export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  peek(key: string): V | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }

  get(key: string, make: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = make(key);
      this.map.set(key, v);
    }
    return v;
  }
}
