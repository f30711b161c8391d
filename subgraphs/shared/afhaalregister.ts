import { z } from 'zod';
import { internalAudience } from './tokens';

/**
 * The contract between the gateway and the privacy subgraph for the afhaalregister (who
 * fetched which file at GET /bestanden). It is not a GraphQL field: no client may write the
 * register, through /graphql or otherwise. The gateway posts one record per file it is
 * about to send, with an internal token minted for the caller (so the record names the
 * caller, from the token, never from the body) for this audience only: a token minted for
 * a GraphQL request to privacy is refused here, and this token is refused at /graphql.
 */
export const AFHAALREGISTER_PAD = '/afhaalregister';
export const AFHAALREGISTER_AUDIENCE = `${internalAudience('privacy')}${AFHAALREGISTER_PAD}`;

/** What the gateway says about the file; who fetched it comes from the token. */
export const afhalingInvoer = z.strictObject({
  soort: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
  periode: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0).max(2_147_483_647),
});

export type AfhalingInvoer = z.infer<typeof afhalingInvoer>;
