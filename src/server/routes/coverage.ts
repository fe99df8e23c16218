import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginCallback } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  candidateFigures,
  coverageDashboard,
  dispute,
  disputeDecision,
  disputeInput,
  nominateInput,
  nominateResult,
  screeningSettings,
  screeningSettingsView,
  shortlist,
  shortlistQuery,
  snapshotSummary,
} from '../../shared/contracts/index.ts';
import * as repo from '../../db/repositories/coverage.ts';
import { coveragePolicy } from '../policies/coverage.ts';
import type { Actor } from '../policies/actor.ts';
import { extractFiles, hashInputs, startSnapshot } from '../services/coverage-import.ts';
import * as coverage from '../services/coverage.ts';
import { scopes } from './scope.ts';

const editionParams = z.object({ id: z.uuid() });
const fileName = new RegExp(`^(${extractFiles.join('|')})\\.(csv|csv\\.gz|parquet)$`);

export const coverageRoutes: FastifyPluginCallback = (root, _options, done) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;
  const scope = scopes(db);
  const ctx = (actor: Actor | null) => ({ db, actor });
  const tags = ['coverage'];

  app.post(
    '/editions/:id/coverage/imports',
    {
      config: { policy: coveragePolicy.importExtract },
      schema: {
        tags,
        summary: 'Upload a national extract (multipart: the five files, optional field `year`) and start the screen',
        description: `Files named ${extractFiles.map((f) => `${f}.csv|.csv.gz|.parquet`).join(', ')}. Answers 202 at once with the snapshot and its job; follow the job at /api/jobs/{id}.`,
        consumes: ['multipart/form-data'],
        params: editionParams,
        response: { 202: snapshotSummary.extend({ jobId: z.string() }) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the extract as multipart/form-data');
      const dataDir = await mkdtemp(join(tmpdir(), 'paritrana-extract-'));
      let year: number | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'year') {
              year = Number(part.value);
              if (!Number.isInteger(year) || year < 2000 || year > 2100) {
                throw new AppError('VALIDATION_FAILED', 'year must be a year such as 2024', [{ path: 'year', message: 'invalid' }]);
              }
            }
            continue;
          }
          if (!fileName.test(part.filename)) {
            part.file.resume();
            throw new AppError('VALIDATION_FAILED', `Unexpected file ${part.filename}`, [
              { path: `files.${part.filename}`, message: `expected one of ${extractFiles.join(', ')} as .csv, .csv.gz or .parquet` },
            ]);
          }
          await pipeline(part.file, createWriteStream(join(dataDir, part.filename)));
        }
        const inputFiles = await hashInputs(dataDir);
        const { snapshot, job } = await startSnapshot(ctx(request.actor), request.params.id, { year, inputFiles, dataDir, removeData: true });
        app.jobs.kick();
        return reply.status(202).send({ ...coverage.presentSnapshot(snapshot), jobId: job.id });
      } catch (error) {
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
  );

  app.get(
    '/editions/:id/coverage/snapshots',
    {
      config: { policy: coveragePolicy.readSnapshots },
      schema: { tags, summary: 'Imported coverage snapshots, newest first', params: editionParams, response: { 200: z.array(snapshotSummary) } },
    },
    async (request) => (await repo.listSnapshots(db, request.params.id)).map(coverage.presentSnapshot),
  );
  app.get(
    '/editions/:id/coverage/snapshots/:snapshotId',
    {
      config: { policy: coveragePolicy.readSnapshots },
      schema: {
        tags,
        summary: 'One snapshot with its progress or problems',
        params: z.object({ id: z.uuid(), snapshotId: z.uuid() }),
        response: { 200: snapshotSummary },
      },
    },
    async (request) => {
      const snapshot = await repo.findSnapshot(db, request.params.id, request.params.snapshotId);
      if (!snapshot) throw notFound('snapshot');
      return coverage.presentSnapshot(snapshot);
    },
  );
  app.get(
    '/editions/:id/coverage/regions',
    {
      config: { policy: coveragePolicy.readDashboard },
      schema: { tags, summary: 'Coverage by province and regency/city (current snapshot)', params: editionParams, response: { 200: coverageDashboard } },
    },
    (request) => coverage.coverageDashboard(db, request.params.id),
  );
  app.get(
    '/editions/:id/coverage/screening',
    {
      config: { policy: coveragePolicy.readSnapshots },
      schema: { tags, summary: 'How the next import scores the shortlist (the edition’s settings or the defaults)', params: editionParams, response: { 200: screeningSettingsView } },
    },
    (request) => coverage.screeningSettingsOf(db, request.params.id),
  );
  app.put(
    '/editions/:id/coverage/screening',
    {
      config: { policy: coveragePolicy.importExtract },
      schema: {
        tags,
        summary: 'Set the shortlist’s weights and size for the next import, or reset them to the defaults with null',
        params: editionParams,
        body: z.object({ settings: screeningSettings.nullable() }),
        response: { 200: screeningSettingsView },
      },
    },
    (request) => coverage.setScreeningSettings(ctx(request.actor), request.params.id, request.body.settings),
  );
  app.get(
    '/editions/:id/coverage/shortlist',
    {
      config: { policy: coveragePolicy.nominateAnywhere },
      schema: { tags, summary: 'The screen’s shortlist for a province and category', params: editionParams, querystring: shortlistQuery, response: { 200: shortlist } },
    },
    (request) => coverage.shortlistFor(ctx(request.actor), request.params.id, request.query.province, request.query.category),
  );
  app.post(
    '/editions/:id/coverage/shortlist/nominate',
    {
      config: { policy: coveragePolicy.nominateAnywhere },
      schema: { tags, summary: 'Nominate chosen shortlisted candidates in one step', params: editionParams, body: nominateInput, response: { 200: nominateResult } },
    },
    (request) => coverage.nominateFromShortlist(ctx(request.actor), request.params.id, request.body),
  );
  app.get(
    '/candidates/:id/figures',
    {
      config: { policy: coveragePolicy.seeCandidateFigures },
      schema: { tags, summary: 'A candidate’s coverage figures with their source, and its disputes', params: editionParams, response: { 200: candidateFigures } },
    },
    (request) => coverage.candidateFigures(ctx(request.actor), request.params.id),
  );
  app.post(
    '/candidates/:id/disputes',
    {
      config: { policy: coveragePolicy.raiseDisputes, scope: scope.candidate('dispute') },
      schema: { tags, summary: 'Dispute one of the candidate’s own figures', params: editionParams, body: disputeInput, response: { 201: dispute } },
    },
    async (request, reply) => reply.status(201).send(await coverage.raiseDispute(ctx(request.actor), request.params.id, request.body)),
  );
  app.get(
    '/editions/:id/disputes',
    {
      config: { policy: coveragePolicy.readDisputes },
      schema: {
        tags,
        summary: 'Disputes of figures in the provinces the user verifies',
        params: editionParams,
        querystring: z.object({ status: z.enum(['open', 'accepted', 'rejected']).optional() }),
        response: { 200: z.array(dispute) },
      },
    },
    (request) => coverage.disputeQueue(ctx(request.actor), request.params.id, request.query.status),
  );
  app.post(
    '/disputes/:id/decision',
    {
      config: { policy: coveragePolicy.decideDisputes, scope: scope.dispute('decideDispute') },
      schema: { tags, summary: 'Accept (with the corrected value) or reject a dispute', params: editionParams, body: disputeDecision, response: { 200: dispute } },
    },
    (request) => coverage.decideDispute(ctx(request.actor), request.params.id, request.body),
  );
  done();
};
