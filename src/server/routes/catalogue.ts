import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { categoryInput } from '../../shared/contracts/index.ts';
import { categoryCatalogue } from '../../domain/editions/catalogue.ts';

export const catalogueRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/catalogue/categories',
    {
      config: { policy: 'signed-in' },
      schema: { tags: ['editions'], summary: 'Categories the award has used, to add to an edition', response: { 200: z.array(categoryInput) } },
    },
    () => categoryCatalogue.map((c) => ({ ...c, levels: [...c.levels], eligibility: [...c.eligibility] })),
  );
  done();
};
