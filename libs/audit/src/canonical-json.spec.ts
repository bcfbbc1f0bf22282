import { AuditError } from './audit.error';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    const one = { subject: { type: 't', id: 'i' }, at: '2025-01-01T00:00:00.000Z', n: 2 };
    const two = { n: 2, at: '2025-01-01T00:00:00.000Z', subject: { id: 'i', type: 't' } };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
  });

  it('sorts by UTF-16 code units like RFC 8785 (upper case before lower, ASCII before accents)', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, a: 4 })).toBe('{"Z":3,"a":4,"z":2,"é":1}');
  });

  it('writes dates as ISO-8601 UTC, drops undefined keys, writes undefined array items as null', () => {
    const at = new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
    expect(canonicalJson({ at, gone: undefined, list: [undefined, 1] })).toBe(
      '{"at":"2025-01-02T03:04:05.678Z","list":[null,1]}',
    );
  });

  it('escapes strings as JSON does and keeps numbers in their shortest form', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001', n: [1.5, -0, 1e21, 100] })).toBe(
      '{"n":[1.5,0,1e+21,100],"s":"a\\"b\\\\c\\n\\u0001"}',
    );
  });

  it('parses back to an equal value', () => {
    const value = { x: [1, 'two', { three: false }], y: { nested: { deep: 'yes' } } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it.each([
    ['NaN', { n: NaN }],
    ['Infinity', { n: Infinity }],
    ['a bigint', { n: BigInt(1) }],
    ['a function', { f: () => 1 }],
    ['a class instance', { m: new Map() }],
    ['an invalid date', { d: new Date('nope') }],
  ])('refuses %s with an AuditError', (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(AuditError);
  });

  it('refuses cycles instead of overflowing the stack', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/nesting deeper/);
  });
});
