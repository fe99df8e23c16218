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

/** A village (desa/kelurahan) with its district (kecamatan), by Kemendagri code. */
export const village = z.object({ code: text(), name: text(), districtCode: text(), districtName: text(), regencyCode: text() });
export type Village = z.infer<typeof village>;

export const villageQuery = z.object({
  regency: text().regex(/^\d{2}\.\d{2}$/),
  q: text().trim().max(100).optional(),
});
