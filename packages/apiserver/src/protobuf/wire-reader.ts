import protobuf from 'protobufjs/minimal.js';

/**
 * A malformed protobuf message, worded as gogo-protobuf's generated Unmarshal methods (and
 * apimachinery's serializer) word it, e.g. `unexpected EOF` or
 * `proto: wrong wireType = 0 for field Name`.
 */
export class ProtoDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoDecodeError';
  }
}

// The sentinel errors of gogo-protobuf's generated code (k8s.io/api/*/generated.pb.go).
const unexpectedEof = 'unexpected EOF';
const integerOverflow = 'proto: integer overflow';
const negativeLength = 'proto: negative length found during unmarshaling';
const unexpectedEndOfGroup = 'proto: unexpected end of group';

/** Protobuf wire types. */
export const WireType = { varint: 0, fixed64: 1, bytes: 2, startGroup: 3, endGroup: 4, fixed32: 5 } as const;

/** A field key: number and wire type, plus the raw varint gogo prints in "illegal tag" errors. */
export interface FieldKey {
  readonly fieldNumber: number;
  readonly wireType: number;
  readonly raw: bigint;
}

/**
 * Reads one message's bytes with protobufjs's Reader, turning its range and varint errors into
 * gogo-protobuf's (`unexpected EOF`, `proto: integer overflow`).
 */
export class WireReader {
  readonly #reader: protobuf.Reader;

  constructor(bytes: Uint8Array) {
    this.#reader = protobuf.Reader.create(bytes);
  }

  /** True while bytes remain. */
  get more(): boolean {
    return this.#reader.pos < this.#reader.len;
  }

  /** An unsigned 64-bit varint. */
  varint(): bigint {
    return guard(() => BigInt(this.#reader.uint64().toString()));
  }

  /** A field key. */
  key(): FieldKey {
    const raw = this.varint();
    // Go: fieldNum := int32(wire >> 3); wireType := int(wire & 0x7)
    return { fieldNumber: Number(BigInt.asIntN(32, raw >> 3n)), wireType: Number(raw & 7n), raw };
  }

  /** The payload of a length-delimited field. */
  lengthDelimited(): Uint8Array {
    const length = BigInt.asIntN(64, this.varint());
    if (length < 0n) throw new ProtoDecodeError(negativeLength);
    if (length > BigInt(this.#reader.len - this.#reader.pos)) throw new ProtoDecodeError(unexpectedEof);
    return guard(() => this.#reader.buf.subarray(this.#reader.pos, (this.#reader.pos += Number(length))));
  }

  /** A little-endian 64-bit float. */
  double(): number {
    return guard(() => this.#reader.double());
  }

  /** Skips a field of an unknown number, as gogo's skipGenerated does (groups included). */
  skip(wireType: number): void {
    let depth = 0;
    for (let first = true; first || depth > 0; first = false) {
      const type = first ? wireType : this.key().wireType;
      switch (type) {
        case WireType.varint:
          this.varint();
          break;
        case WireType.fixed64:
          this.#skipBytes(8);
          break;
        case WireType.bytes:
          this.lengthDelimited();
          break;
        case WireType.startGroup:
          depth++;
          break;
        case WireType.endGroup:
          if (depth === 0) throw new ProtoDecodeError(unexpectedEndOfGroup);
          depth--;
          break;
        case WireType.fixed32:
          this.#skipBytes(4);
          break;
        default:
          throw new ProtoDecodeError(`proto: illegal wireType ${type}`);
      }
    }
  }

  #skipBytes(count: number): void {
    if (this.#reader.pos + count > this.#reader.len) throw new ProtoDecodeError(unexpectedEof);
    this.#reader.skip(count);
  }
}

function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProtoDecodeError) throw error;
    if (error instanceof RangeError) throw new ProtoDecodeError(unexpectedEof);
    if (error instanceof Error && error.message === 'invalid varint encoding') throw new ProtoDecodeError(integerOverflow);
    throw error;
  }
}
