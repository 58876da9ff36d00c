// The directory's own settings, beyond the kit's.
import { z } from 'zod';
import { parseEnv } from '@hub/kit';

export const directoryConfig = parseEnv(
  z.object({
    /** Failed sign-ins in a row that lock an account (an agency admin unlocks it). */
    HUB_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  }),
);
