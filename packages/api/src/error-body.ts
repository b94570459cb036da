import { z } from '@hono/zod-openapi';

/** The JSON body of every error response. */
export const ErrorBody = z
  .object({
    error: z.string().openapi({ example: 'invalid-input' }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('Error');
