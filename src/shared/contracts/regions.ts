import { z } from 'zod';
import { text } from './common.ts';

export const province = z.object({ code: text(), name: text() });
export type Province = z.infer<typeof province>;

export const regency = z.object({
  code: text(),
  provinceCode: text(),
  name: text(),
  kind: z.enum(['kabupaten', 'kota']),
});
export type Regency = z.infer<typeof regency>;

export const regencyQuery = z.object({
  province: text().regex(/^\d{2}$/).optional(),
  q: text().trim().max(100).optional(),
});
