/**
 * Growable parallel buffers of code units and their original spans. Two module-level instances are
 * reused as scratch space by every call (normalisation is synchronous and never re-entered), because
 * allocating typed arrays on every keystroke costs more than the folding itself.
 */
export class Units {
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  reset(capacity: number): this {
    this.length = 0;
    if (this.codes.length < capacity) {
      this.codes = new Uint16Array(capacity);
      this.start = new Int32Array(capacity);
      this.end = new Int32Array(capacity);
    }
    return this;
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.length++;
  }
  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    codes.set(this.codes);
    start.set(this.start);
    end.set(this.end);
    this.codes = codes;
    this.start = start;
    this.end = end;
  }
}
