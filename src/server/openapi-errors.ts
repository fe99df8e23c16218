import { z } from 'zod';
import { errorBody } from '../shared/contracts/common.ts';
import { httpStatus } from './errors.ts';

type Operation = { responses?: Record<string, unknown> };
type Document = { components?: { schemas?: Record<string, unknown> }; paths?: Record<string, Record<string, Operation>> };

const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** The stable error codes answered with statuses of one class (4 or 5), each with its status. */
function codesOf(hundreds: number): string {
  return Object.entries(httpStatus)
    .filter(([, status]) => Math.floor(status / 100) === hundreds)
    .map(([code, status]) => `\`${code}\` (${status})`)
    .join(', ');
}

/**
 * Declares the error answers in the OpenAPI document: every operation may
 * answer a client error (4XX) or a server error (5XX) with the one error
 * body (`components.schemas.Error`), whose `code` is one of the stable codes
 * named in the description. Operations that declare a status of their own
 * keep it.
 */
export function withErrorResponses<T>(document: T): T {
  const doc = document as Document;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Error: z.toJSONSchema(errorBody, { target: 'openapi-3.0' }) } };
  const answer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const clientError = answer(`The request was refused; \`error.code\` says why: ${codesOf(4)}. \`error.details\` names each refused field.`);
  const serverError = answer(`Nothing was changed; try again later: ${codesOf(5)}.`);
  for (const path of Object.values(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(path)) {
      if (!methods.has(method)) continue;
      operation.responses = { ...operation.responses, '4XX': operation.responses?.['4XX'] ?? clientError, '5XX': operation.responses?.['5XX'] ?? serverError };
    }
  }
  return document;
}
