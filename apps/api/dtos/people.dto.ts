import { z } from 'zod';

export const createTokenBodySchema = z.strictObject({
  label: z.string().trim().min(1, 'Must not be empty.').max(200, 'Must be at most 200 characters.').optional(),
});

export const tokenViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const tokenListSchema = z.array(tokenViewSchema);

/** The only answer that holds the token itself. */
export const tokenCreatedSchema = z.object({
  token: z.string().describe('The bearer token; shown only here'),
  id: z.string(),
  email: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
});

export const meSchema = z.object({
  email: z.string().nullable().describe('null for the admin token'),
  name: z.string().nullable(),
  admin: z.boolean(),
  roles: z.array(
    z.object({
      programme: z.string(),
      role: z.string(),
      subAnalysis: z.string().optional().describe('For project lead and project owner'),
    }),
  ),
});
