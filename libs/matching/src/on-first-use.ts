/** `make()`'s value, made on the first call and kept: for tables too costly to build when nothing needs them. */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
