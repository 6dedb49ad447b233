import { eq } from 'drizzle-orm'
import {
  SETTING_NAMES,
  SETTINGS,
  type SettingName,
  type SettingType,
  type SettingValue,
} from '../../src-shared/schemas/settings'
import { AppError } from '../../src-shared/errors'
import { toFieldIssues } from '../../src-shared/validation'
import type { Tx } from '../db/store'
import { settings } from '../db/schema'
import type { WriteContext } from './context'
import { recordHistory } from './history'

export async function listSettings(tx: Tx): Promise<SettingValue[]> {
  const rows = await tx.select().from(settings)
  const overrides = new Map(rows.map((row) => [row.name, JSON.parse(row.value) as unknown]))
  return SETTING_NAMES.map((name) => {
    const spec = SETTINGS[name]
    const isDefault = !overrides.has(name)
    return {
      name,
      group: spec.group,
      help: spec.help,
      default: spec.default,
      value: isDefault ? spec.default : overrides.get(name),
      isDefault,
    }
  })
}

/** One setting's value now: its stored override, else its default. */
export async function settingValue<N extends SettingName>(
  tx: Tx,
  name: N,
): Promise<SettingType<N>> {
  const [row] = await tx.select().from(settings).where(eq(settings.name, name))
  return (row ? JSON.parse(row.value) : SETTINGS[name].default) as SettingType<N>
}

/**
 * Sets one setting after checking it against its own rule. A value equal to the default (or
 * `null`) removes the override, so a later change of default reaches it.
 */
export async function updateSetting(
  ctx: WriteContext,
  name: SettingName,
  raw: unknown,
): Promise<SettingValue> {
  const spec = SETTINGS[name]
  const parsed =
    raw === null ? { success: true as const, data: spec.default } : spec.schema.safeParse(raw)
  if (!parsed.success) {
    throw AppError.validation(toFieldIssues(parsed.error).map((i) => ({ ...i, field: 'value' })))
  }
  const before = (await listSettings(ctx.tx)).find((s) => s.name === name)!
  const value: unknown = parsed.data

  if (JSON.stringify(value) === JSON.stringify(spec.default)) {
    await ctx.tx.delete(settings).where(eq(settings.name, name))
  } else {
    const stored = { value: JSON.stringify(value), updatedAt: ctx.now }
    await ctx.tx
      .insert(settings)
      .values({ name, ...stored })
      .onConflictDoUpdate({ target: settings.name, set: stored })
  }
  if (JSON.stringify(before.value) !== JSON.stringify(value)) {
    await recordHistory(ctx, {
      objectType: 'setting',
      objectId: 0,
      accountId: null,
      objectRepr: name,
      action: 'changed',
      changes: [{ field: name, from: before.value, to: value }],
    })
  }
  return (await listSettings(ctx.tx)).find((s) => s.name === name)!
}
