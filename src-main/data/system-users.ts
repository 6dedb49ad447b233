import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { AppError } from '../../src-shared/errors'
import type { Page } from '../../src-shared/schemas/common'
import { baseHome } from '../../src-shared/schemas/system-user-settings'
import {
  joinHome,
  systemUserListSchema,
  type SystemUser,
  type SystemUserDetail,
  type SystemUserListQuery,
  type SystemUserRow,
} from '../../src-shared/schemas/system-users'
import { accounts, systemUserGroups, systemUsers } from '../db/schema'
import type { Tx } from '../db/store'
import { settingValue } from './settings'
import { contains, searchWords } from './sql'

export type SystemUserRecord = typeof systemUsers.$inferSelect

export function toSystemUser(row: SystemUserRecord, groups: number[]): SystemUser {
  const { passwordHash, ...rest } = row
  return { ...rest, hasPassword: passwordHash !== '', groups }
}

export async function getSystemUserRecord(tx: Tx, id: number): Promise<SystemUserRecord> {
  const [row] = await tx.select().from(systemUsers).where(eq(systemUsers.id, id))
  if (!row) throw AppError.notFound('System user', id)
  return row
}

/** The ids of the users whose groups `userId` joins, in id order. */
export async function groupIdsOf(tx: Tx, userId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: systemUserGroups.groupId })
    .from(systemUserGroups)
    .where(eq(systemUserGroups.userId, userId))
    .orderBy(asc(systemUserGroups.groupId))
  return rows.map((row) => row.id)
}

export async function getSystemUser(tx: Tx, id: number): Promise<SystemUser> {
  return toSystemUser(await getSystemUserRecord(tx, id), await groupIdsOf(tx, id))
}

export async function accountUsers(tx: Tx, accountId: number): Promise<SystemUserRecord[]> {
  return tx
    .select()
    .from(systemUsers)
    .where(eq(systemUsers.accountId, accountId))
    .orderBy(asc(systemUsers.id))
}

/**
 * A user's own base home by SYSTEMUSERS_HOME. The CGI user's is the main user's home (the
 * account's username is the main user's), so web code starts where the site lives.
 */
export function ownHome(
  template: string,
  user: Pick<SystemUserRecord, 'username' | 'role'>,
  accountUsername: string,
): string {
  return baseHome(template, user.role === 'cgi' ? accountUsername : user.username)
}

/** Where a user's homes are, by the SYSTEMUSERS_HOME setting of now. */
export async function homesOf(
  tx: Tx,
  user: Pick<SystemUserRecord, 'username' | 'accountId' | 'role'>,
) {
  const template = await settingValue(tx, 'SYSTEMUSERS_HOME')
  const [account] = await tx
    .select({ username: accounts.username })
    .from(accounts)
    .where(eq(accounts.id, user.accountId))
  if (!account) throw AppError.notFound('Account', user.accountId)
  return {
    baseHome: ownHome(template, user, account.username),
    mainHome: baseHome(template, account.username),
  }
}

export async function getSystemUserDetail(tx: Tx, id: number): Promise<SystemUserDetail> {
  const user = await getSystemUser(tx, id)
  const [account] = await tx
    .select({ id: accounts.id, username: accounts.username, isActive: accounts.isActive })
    .from(accounts)
    .where(eq(accounts.id, user.accountId))
  const groups = user.groups.length
    ? await tx
        .select({ id: systemUsers.id, username: systemUsers.username })
        .from(systemUsers)
        .where(inArray(systemUsers.id, user.groups))
        .orderBy(asc(systemUsers.username))
    : []
  const homes = await homesOf(tx, user)
  const disabled = await settingValue(tx, 'SYSTEMUSERS_DISABLED_SHELLS')
  return {
    user,
    account: account!,
    groups,
    ...homes,
    effectiveHome: joinHome(user.home || homes.baseHome, user.directory),
    effectiveActive: user.isActive && account!.isActive,
    hasShell: !disabled.includes(user.shell),
  }
}

export async function listSystemUsers(
  tx: Tx,
  input: SystemUserListQuery,
): Promise<Page<SystemUserRow>> {
  const query = systemUserListSchema.parse(input)
  const filters: (SQL | undefined)[] = [
    query.accountId !== undefined ? eq(systemUsers.accountId, query.accountId) : undefined,
    query.role ? eq(systemUsers.role, query.role) : undefined,
    query.shell ? eq(systemUsers.shell, query.shell) : undefined,
    query.active !== undefined ? eq(systemUsers.isActive, query.active) : undefined,
    ...searchWords(query.q).map((word) => contains(systemUsers.username, word)),
  ]
  const where = and(...filters)
  const [totalRow] = await tx.select({ n: count() }).from(systemUsers).where(where)
  const rows = await tx
    .select({ user: systemUsers, accountUsername: accounts.username, active: accounts.isActive })
    .from(systemUsers)
    .innerJoin(accounts, eq(accounts.id, systemUsers.accountId))
    .where(where)
    .orderBy((query.dir === 'asc' ? asc : desc)(systemUsers.username), asc(systemUsers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  const ids = rows.map((row) => row.user.id)
  const memberships = ids.length
    ? await tx.select().from(systemUserGroups).where(inArray(systemUserGroups.userId, ids))
    : []
  const template = await settingValue(tx, 'SYSTEMUSERS_HOME')
  return {
    rows: rows.map(({ user, accountUsername, active }) => ({
      ...toSystemUser(
        user,
        memberships.filter((m) => m.userId === user.id).map((m) => m.groupId),
      ),
      accountUsername,
      accountIsActive: active,
      effectiveHome: joinHome(
        user.home || ownHome(template, user, accountUsername),
        user.directory,
      ),
    })),
    total: Number(totalRow?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  }
}
