import { z } from 'zod'
import { peerAliasSchema } from './commentSchemas.ts'
import { birthYear, branchId, branchRole, displayName, password, shareLevel, userId, username } from './accessSchemas.ts'

export const loginBody = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(1024) }).strict()
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: password }).strict()

export const membershipSchema = z.object({ branchId, branchName: z.string(), role: branchRole })
export type MembershipDto = z.infer<typeof membershipSchema>

export const userSchema = z
  .object({
    id: userId,
    username: z.string(),
    displayName: z.string(),
    color: z.string(),
    isAdmin: z.boolean(),
    mustChangePassword: z.boolean(),
    birthYear: z.number().int().nullable(),
    disabled: z.boolean(),
    memberships: z.array(membershipSchema),
  })
  .meta({ id: 'User' })
export type UserDto = z.infer<typeof userSchema>

export const createUserBody = z
  .object({
    username,
    displayName,
    password: password.optional(),
    birthYear: birthYear.nullable().optional(),
    isAdmin: z.boolean().optional(),
    branchId: branchId.optional(),
    role: branchRole.optional(),
  })
  .strict()
export type CreateUserBody = z.infer<typeof createUserBody>

export const updateUserBody = z
  .object({ displayName: displayName.optional(), birthYear: birthYear.nullable().optional(), disabled: z.boolean().optional(), isAdmin: z.boolean().optional() })
  .strict()

export const createTokenBody = z.object({ name: z.string().trim().min(1).max(60), expiresInDays: z.number().int().min(1).max(3650).optional() }).strict()
export const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable() })
  .meta({ id: 'ApiToken' })
export type TokenDto = z.infer<typeof tokenSchema>

export const branchSchema = z.object({ id: branchId, name: z.string(), createdAt: z.string(), memberCount: z.number().int() }).meta({ id: 'Branch' })
export type BranchDto = z.infer<typeof branchSchema>
export const createBranchBody = z.object({ name: z.string().trim().min(1).max(60) }).strict()
export const setMemberBody = z.object({ userId, role: branchRole }).strict()
export const updateMemberBody = z.object({ role: branchRole }).strict()

export const createInvitationBody = z
  .object({ role: branchRole.default('member'), expiresInDays: z.number().int().min(1).max(90).default(7), maxUses: z.number().int().min(1).max(1000).default(50) })
  .strict()
export const acceptInvitationBody = z.object({ username, displayName, password }).strict()

export const rosterImportBody = z.object({ csv: z.string().min(1).max(1_000_000) }).strict()

export const shareBody = z
  .object({ granteeType: z.enum(['user', 'branch']), granteeId: z.string().min(1).max(64), level: shareLevel })
  .strict()
export const shareSchema = z
  .object({
    granteeType: z.enum(['user', 'branch']),
    granteeId: z.string(),
    granteeName: z.string(),
    level: shareLevel,
    /** An anonymous peer reviewer's access, as the author sees it: by alias, not theirs to change. */
    alias: peerAliasSchema.optional(),
  })
  .meta({ id: 'Share' })
export type ShareDto = z.infer<typeof shareSchema>

export const memberSchema = z
  .object({ userId, username: z.string(), displayName: z.string(), role: branchRole, birthYear: z.number().int().nullable(), disabled: z.boolean() })
  .meta({ id: 'Member' })
export type MemberDto = z.infer<typeof memberSchema>

export const invitationSchema = z
  .object({ id: z.string(), role: branchRole, createdAt: z.string(), expiresAt: z.string(), maxUses: z.number().int(), uses: z.number().int() })
  .meta({ id: 'Invitation' })
export type InvitationDto = z.infer<typeof invitationSchema>

/** One row of a roster preview: what was read, what is wrong with it, what importing would do. */
export const rosterRowSchema = z
  .object({
    /** 1-based line in the file (the header is line 1). */
    line: z.number().int(),
    name: z.string(),
    username: z.string(),
    branch: z.string(),
    role: z.union([branchRole, z.literal('')]),
    birthYear: z.number().int().nullable(),
    errors: z.array(z.string()),
    /** `new` user, `existing` user (membership added or role changed), or `error`. */
    status: z.enum(['new', 'existing', 'error']),
    /** The branch does not exist yet and would be created. */
    newBranch: z.boolean(),
  })
  .meta({ id: 'RosterRow' })
export type RosterRowDto = z.infer<typeof rosterRowSchema>

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' })
export type AuditEventDto = z.infer<typeof auditEventSchema>
