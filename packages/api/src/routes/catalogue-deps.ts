import { z } from '@hono/zod-openapi';
import { ErrorBody } from '../error-body.ts';
import { json } from './route-parts.ts';

/** The error responses every catalogue route may give. */
export const ERRORS = {
  400: json(
    ErrorBody,
    'Invalid input: `details.field` names the field, `details.accepted` the accepted values',
  ),
  401: json(ErrorBody, 'Not signed in'),
  404: json(ErrorBody, 'Not found'),
};

/** Path parameters `{list}/{code}` of a control entry. */
export const EntryParams = z.object({
  list: z
    .string()
    .min(2)
    .max(8)
    .openapi({
      param: { name: 'list', in: 'path' },
      example: 'US',
      description: 'US, USML, EU, UK, JP, WA, MTCR, NSG or AG',
    }),
  code: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'code', in: 'path' }, example: '3A001.a.1.b' }),
});
