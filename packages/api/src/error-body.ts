import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '@entente/core';

/** The JSON body of every error response; `error` is one of the documented codes (listed in the OpenAPI document). */
export const ErrorBody = z
  .object({
    error: z.enum(ERROR_CODES).openapi({ example: 'invalid-input' }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('Error');
