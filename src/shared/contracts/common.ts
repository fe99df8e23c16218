import { z } from 'zod';

/**
 * True when a string can be stored and shown: no NUL character (PostgreSQL
 * refuses it in text) and no unpaired UTF-16 surrogate (it has no UTF-8 form).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\0') && !loneSurrogate.test(value);
}
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (one pass, no backtracking). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Every text field of the API: a string refused with a clear message when it
 * holds a NUL character or an unpaired surrogate, instead of failing later in
 * the database. Chain the usual checks after it (`text().trim().max(200)`).
 */
export const text = () => z.string().refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');

/** The years a date may fall in: anything outside is a typing mistake (year 0000, 20255). */
export const dateYears = { min: 1900, max: 2100 } as const;

/** A calendar date as `YYYY-MM-DD` (no time zone), a real one, between 1900 and 2100. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real date')
  .refine((v) => Number(v.slice(0, 4)) >= dateYears.min && Number(v.slice(0, 4)) <= dateYears.max, `year must be between ${dateYears.min} and ${dateYears.max}`);

/** A time of day as `HH:MM`, 00:00 to 23:59. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM between 00:00 and 23:59');

/** A web link people click: http or https only (never `javascript:` or `data:`). */
export const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// link' }).refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');

/** A PATCH body must change something: an empty one is refused rather than silently doing nothing. */
export function nonEmptyPatch<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value as Record<string, unknown>).some((v) => v !== undefined), 'nothing to change: send at least one field');
}

export const uuid = z.uuid();
export const idParam = z.object({ id: uuid });

/** Every error answer of the API. `code` is stable; `message` is English. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** A refused row of an uploaded sheet: why, as a stable code (`too-long`, `same-as-row`, `no-rows` …). */
          reason: z.string().optional(),
          /** What the reason names: the value found, a row number, a limit. */
          values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const okBody = z.object({ ok: z.literal(true) });
