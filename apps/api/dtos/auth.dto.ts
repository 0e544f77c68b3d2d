import { z } from 'zod';

/** Asking for a sign-in link. `next` is the page to land on; only a path on Spor itself is followed. */
export const emailLinkBodySchema = z.strictObject({
  email: z.email('Must be a valid e-mail address.').max(320, 'Must be at most 320 characters.'),
  next: z.string().max(2000).optional().describe('A path on Spor, e.g. /programmes/p/sub-analyses/s'),
});

/** The same answer for every address, known or not. */
export const emailLinkAcceptedSchema = z.object({
  accepted: z.literal(true),
});

/** How people may sign in here, for the sign-in page. */
export const signInOptionsSchema = z.object({
  emailLink: z.boolean(),
  oidc: z.boolean().describe('Single sign-on with the organisation (OIDC) is set up; start it at /auth/oidc/start'),
});
