import { z } from 'zod';

export const province = z.object({ code: z.string(), name: z.string() });
export type Province = z.infer<typeof province>;

export const regency = z.object({
  code: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  kind: z.enum(['kabupaten', 'kota']),
});
export type Regency = z.infer<typeof regency>;

export const regencyQuery = z.object({
  province: z.string().regex(/^\d{2}$/).optional(),
  q: z.string().trim().max(100).optional(),
});
