import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const meResponse = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['member', 'leader', 'admin']),
  staffId: z.string().nullable(),
  teamIds: z.array(z.string()),
  csrfToken: z.string(),
});
