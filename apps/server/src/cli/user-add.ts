import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser } from '../modules/accounts/index.ts';
import { openConfigured } from './shared.ts';

const input = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  role: z.enum(['member', 'leader', 'admin']),
  name: z.string().trim().min(1),
  password: z.string().min(12, 'at least 12 characters'),
  staffId: z.uuid().optional(),
});

/** `tillit user add USERNAME --role ROLE --name "Full Name" [--staff-id ID]`; password from --password or TILLIT_PASSWORD. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'staff-id': { type: 'string' },
    },
  });
  const parsed = input.safeParse({
    username: positionals[0],
    role: values.role,
    name: values.name,
    password: values.password ?? process.env.TILLIT_PASSWORD,
    staffId: values['staff-id'],
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
    console.error(
      'Usage: tillit user add USERNAME --role member|leader|admin --name "Full Name" [--staff-id UUID] (password: --password or TILLIT_PASSWORD)',
    );
    return 2;
  }
  const database = await openConfigured();
  try {
    const u = parsed.data;
    const row = await createUser(database.db, {
      username: u.username,
      password: u.password,
      role: u.role,
      displayName: u.name,
      staffId: u.staffId,
    });
    console.log(`created user ${u.username} (${u.role}) ${row.id}`);
    return 0;
  } finally {
    await database.close();
  }
}
