import { z } from 'zod';
import { membershipSummary } from './auth.js';
import { pageInfo, pageQuery, requiredText } from './common.js';

export const userResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  memberships: z.array(membershipSummary),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserResponse = z.infer<typeof userResponse>;

export const createUserRequest = z.strictObject({
  email: z.email({ message: 'must be an e-mail address' }).max(320),
  name: requiredText(120),
  password: z.string().min(12, { message: 'must be at least 12 characters' }).max(1024).optional(),
  isAdmin: z.boolean().default(false),
});

export const updateUserRequest = z
  .strictObject({
    name: requiredText(120).optional(),
    isAdmin: z.boolean().optional(),
    isActive: z.boolean().optional(),
    password: z.string().min(12, { message: 'must be at least 12 characters' }).max(1024).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Send at least one field to change' });

export const listUsersQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const userListResponse = z.object({ items: z.array(userResponse), page: pageInfo });

export type UserListResponse = z.infer<typeof userListResponse>;
export type CreateUserRequest = z.input<typeof createUserRequest>;
