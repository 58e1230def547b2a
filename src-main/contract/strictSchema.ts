import { z } from 'zod';

/**
 * The same schema with every object strict: a key the contract does not name is refused ("Unrecognized
 * key"), not silently dropped, so a misspelt field (`snoozeUntil` for `until`) fails loudly instead of
 * doing the default. Applied to every method's request at the boundary (validate.ts), so contract files
 * stay as they are and a method added later is strict too.
 * - Objects that chose what to do with other keys (`.passthrough()`, `.catchall()`, `.strict()`) keep it.
 * - Records, intersections and lazy schemas are left alone (an intersection's halves each see the other's keys).
 * - Wrappers (optional, nullable, default, array, union, pipe…) are rebuilt around the strict inside;
 *   refinements and defaults live in the cloned definitions and are kept.
 */
export function strictSchema<T extends z.ZodType>(schema: T): T {
  return strict(schema) as T;
}

type AnyDef = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;
const rebuild = (s: z.ZodType, def: AnyDef): z.ZodType => (s as unknown as { clone(def: AnyDef): z.ZodType }).clone(def);

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

function strict(s: z.ZodType): z.ZodType {
  const def = defOf(s);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strict(v)]));
    return rebuild(s, { ...def, shape: strictShape, catchall: def.catchall ?? z.never() });
  }
  if (WRAPPERS.has(def.type)) return rebuild(s, { ...def, innerType: strict(def.innerType as z.ZodType) });
  if (def.type === 'array') return rebuild(s, { ...def, element: strict(def.element as z.ZodType) });
  if (def.type === 'union') return rebuild(s, { ...def, options: (def.options as z.ZodType[]).map(strict) });
  if (def.type === 'pipe') {
    // z.preprocess(fn, schema) is a pipe from a transform: the shape the caller sends is the output side's.
    const input = def.in as z.ZodType;
    return defOf(input).type === 'transform' ? rebuild(s, { ...def, out: strict(def.out as z.ZodType) }) : rebuild(s, { ...def, in: strict(input) });
  }
  return s;
}
