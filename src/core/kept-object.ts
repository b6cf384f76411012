/**
 * Response objects: unknown fields are kept at run time (a newer service may send more), while the type names the
 * documented fields only, so a misspelled field does not compile. Loaded with the schemas (it imports zod).
 */
import { z } from 'zod';

/** `z.looseObject(shape)` at run time, typed as an object of the documented fields (`z.object(shape)`). */
export function keptObject<S extends z.core.$ZodLooseShape>(
  shape: S,
  params?: string | { error?: string },
): z.ZodObject<S, z.core.$strip> {
  return z.looseObject(shape, params) as unknown as z.ZodObject<S, z.core.$strip>;
}
