/**
 * Compact binary state: little-endian numbers in a growing buffer. Everything a detector computes with is stored
 * at the precision it is held in memory (f64 for numbers, f32 arrays stay f32), so a restored detector continues
 * bit for bit.
 */
export class StateWriter {
  private buffer = new ArrayBuffer(1024);
  private view = new DataView(this.buffer);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.byteLength) return;
    let size = this.buffer.byteLength * 2;
    while (size < this.length + bytes) size *= 2;
    const next = new ArrayBuffer(size);
    new Uint8Array(next).set(new Uint8Array(this.buffer, 0, this.length));
    this.buffer = next;
    this.view = new DataView(next);
  }

  u8(value: number): this {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
    return this;
  }

  f64(value: number): this {
    this.reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  bool(value: boolean): this {
    return this.u8(value ? 1 : 0);
  }

  /** A length-prefixed Float64Array (or its first `count` entries). */
  f64s(values: Float64Array, count = values.length): this {
    this.u32(count);
    this.reserve(count * 8);
    for (let i = 0; i < count; i++) this.view.setFloat64(this.length + i * 8, values[i], true);
    this.length += count * 8;
    return this;
  }

  /** A length-prefixed Float32Array (or its first `count` entries). */
  f32s(values: Float32Array, count = values.length): this {
    this.u32(count);
    this.reserve(count * 4);
    for (let i = 0; i < count; i++) this.view.setFloat32(this.length + i * 4, values[i], true);
    this.length += count * 4;
    return this;
  }

  /** A length-prefixed Uint32Array (or its first `count` entries). */
  u32s(values: Uint32Array, count = values.length): this {
    this.u32(count);
    this.reserve(count * 4);
    for (let i = 0; i < count; i++) this.view.setUint32(this.length + i * 4, values[i], true);
    this.length += count * 4;
    return this;
  }

  /** A length-prefixed UTF-8 string. */
  text(value: string): this {
    const bytes = new TextEncoder().encode(value);
    this.u32(bytes.length);
    this.reserve(bytes.length);
    new Uint8Array(this.buffer, this.length, bytes.length).set(bytes);
    this.length += bytes.length;
    return this;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.slice(0, this.length));
  }
}

/** Thrown when a state blob is truncated, of another version, or otherwise not what the reader expects. */
export class StateError extends Error {
  override name = 'StateError';
}

export class StateReader {
  private readonly view: DataView;
  private offset = 0;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private need(bytes: number): void {
    if (this.offset + bytes > this.data.byteLength) {
      throw new StateError(`state is truncated: needed ${bytes} more bytes at offset ${this.offset}`);
    }
  }

  u8(): number {
    this.need(1);
    const value = this.view.getUint8(this.offset);
    this.offset += 1;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return value;
  }

  bool(): boolean {
    return this.u8() !== 0;
  }

  /** Reads a length-prefixed Float64Array into `into` when given (its length must fit), or a new array. */
  f64s(into?: Float64Array): Float64Array {
    const count = this.u32();
    this.need(count * 8);
    const out = into ?? new Float64Array(count);
    if (count > out.length)
      throw new StateError(`state holds ${count} numbers where at most ${out.length} fit`);
    for (let i = 0; i < count; i++) out[i] = this.view.getFloat64(this.offset + i * 8, true);
    this.offset += count * 8;
    return out;
  }

  f32s(into?: Float32Array): Float32Array {
    const count = this.u32();
    this.need(count * 4);
    const out = into ?? new Float32Array(count);
    if (count > out.length)
      throw new StateError(`state holds ${count} numbers where at most ${out.length} fit`);
    for (let i = 0; i < count; i++) out[i] = this.view.getFloat32(this.offset + i * 4, true);
    this.offset += count * 4;
    return out;
  }

  u32s(into?: Uint32Array): Uint32Array {
    const count = this.u32();
    this.need(count * 4);
    const out = into ?? new Uint32Array(count);
    if (count > out.length)
      throw new StateError(`state holds ${count} numbers where at most ${out.length} fit`);
    for (let i = 0; i < count; i++) out[i] = this.view.getUint32(this.offset + i * 4, true);
    this.offset += count * 4;
    return out;
  }

  text(): string {
    const length = this.u32();
    this.need(length);
    const value = new TextDecoder().decode(this.data.subarray(this.offset, this.offset + length));
    this.offset += length;
    return value;
  }

  /** Checks a section marker written by `StateWriter.u8(tag)`, so a misaligned read fails loudly. */
  expect(tag: number, what: string): void {
    const found = this.u8();
    if (found !== tag) throw new StateError(`state is corrupt: expected the ${what} section`);
  }

  get done(): boolean {
    return this.offset === this.data.byteLength;
  }
}
