import type { FastifyPluginCallback } from 'fastify';
import { healthRoutes } from './health.ts';
import { authRoutes } from './auth.ts';
import { regionRoutes } from './regions.ts';
import { editionRoutes } from './editions.ts';
import { calendarRoutes } from './calendars.ts';
import { specialAwardRoutes } from './special-awards.ts';
import { userRoutes } from './users.ts';
import { auditRoutes } from './audit.ts';
import { catalogueRoutes } from './catalogue.ts';
import { candidateRoutes } from './candidates.ts';
import { organisationRoutes } from './organisations.ts';
import { coverageRoutes } from './coverage.ts';
import { evidenceRoutes } from './evidence.ts';
import { selfAssessmentRoutes } from './self-assessment.ts';
import { verificationRoutes } from './verification.ts';
import { panelRoutes } from './panels.ts';
import { poolRoutes } from './pools.ts';
import { markingRoutes } from './marking.ts';
import { registrationRoutes } from './registrations.ts';
import { publicRoutes } from './public.ts';
import { publicationRoutes } from './publication.ts';
import { exportRoutes } from './exports.ts';
import { backupRoutes } from './backup.ts';
import { jobRoutes } from './jobs.ts';
import { recapRoutes } from './recap.ts';
import { feedbackRoutes } from './feedback.ts';
import { accountRoutes } from './account.ts';
import { notificationRoutes } from './notifications.ts';
import { oidcRoutes } from './oidc.ts';

/** Every route module of the API, each for one domain area. */
export const routes: FastifyPluginCallback[] = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  editionRoutes,
  calendarRoutes,
  specialAwardRoutes,
  candidateRoutes,
  organisationRoutes,
  coverageRoutes,
  evidenceRoutes,
  selfAssessmentRoutes,
  verificationRoutes,
  panelRoutes,
  poolRoutes,
  markingRoutes,
  registrationRoutes,
  publicationRoutes,
  exportRoutes,
  publicRoutes,
  userRoutes,
  auditRoutes,
  catalogueRoutes,
  backupRoutes,
  jobRoutes,
  recapRoutes,
  feedbackRoutes,
  accountRoutes,
  notificationRoutes,
  oidcRoutes,
];
