/**
 * Strict type equality for the spec type tests. expect-type's `toEqualTypeOf` cannot compare types carrying a
 * `[key: string]: unknown` index signature (what openapi-typescript emits for `additionalProperties: true` and
 * what `z.looseObject` infers), so the tests use this instead: both types are flattened recursively (intersections
 * merged into one object type, optional modifiers and index signatures kept) and then compared with the
 * compiler's identity check. `Same<A, B>` is `true` only when they are identical.
 */
type Flatten<T> = T extends object ? { [K in keyof T]: Flatten<T[K]> } : T;
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Same<A, B> = Identical<Flatten<A>, Flatten<B>>;
