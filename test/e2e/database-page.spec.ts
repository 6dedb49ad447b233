import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, startBridge, test, waitForApp } from './fixtures'
import { createTeamDatabase, usePostgresAndKeychain, type TeamDatabase } from './postgres-setup'

// Administration > Database: a workstation on its own SQLite file tests the team's PostgreSQL
// server, copies its data there, and switches to it; every list then comes from the server.

const postgres = usePostgresAndKeychain()

async function fillConnection(form: Locator, team: TeamDatabase, password = team.password) {
  await form.getByLabel('Host').fill(team.host)
  await form.getByLabel('Port').fill(String(team.port))
  await form.getByLabel('Database name').fill(team.database)
  await form.getByLabel('User').fill(team.user)
  await form.getByLabel('Password', { exact: true }).fill(password)
  await expect(form.getByLabel('Connection protection (TLS)')).toHaveValue(/verify-full/)
  await form.getByLabel('CA file').fill(team.caFile)
}

async function openDatabasePage(page: Page, kind: 'SQLite' | 'PostgreSQL') {
  await page
    .getByRole('banner')
    .getByRole('link', { name: `Database: ${kind}` })
    .click()
  await expect(page.getByRole('heading', { name: 'Database', level: 2 })).toBeVisible()
  await expectPageReady(page)
}

test.describe('the database page', () => {
  test('copies this workstation into an empty PostgreSQL database, then switches to it', async ({
    app: page,
    api,
  }, testInfo) => {
    const team = await createTeamDatabase(postgres())
    await api.call('accounts:create', {
      username: 'jordi',
      fullName: 'Jordi Vidal',
      email: 'jordi@vidal.example',
      contacts: [{ shortName: 'Jordi', email: 'jordi@vidal.example' }],
    })
    const copy = page.getByRole('region', { name: 'Copy this database into…' })

    await test.step('the header badge opens the page on the open SQLite file', async () => {
      await openDatabasePage(page, 'SQLite')
      const status = page.getByRole('region', { name: 'Open database' })
      await expect(status.getByText('SQLite', { exact: true })).toBeVisible()
      await expect(status.getByText("The default (the data folder's file)")).toBeVisible()
      await expect(status.getByText(/^Available/)).toBeVisible()
    })

    await test.step('a wrong password is refused in the server words', async () => {
      await fillConnection(copy, team, 'not-the-password')
      await copy.getByRole('button', { name: 'Test connection' }).click()
      const refused = copy.getByRole('alert').filter({ hasText: 'Could not connect' })
      await expect(refused).toContainText('password authentication failed')
      await expect(copy.getByRole('button', { name: 'Test connection' })).toBeEnabled()
    })

    await test.step('the right password shows the version and an empty database', async () => {
      await copy.getByLabel('Password', { exact: true }).fill(team.password)
      await expect(copy.getByRole('alert')).toHaveCount(0)
      await copy.getByRole('button', { name: 'Test connection' }).click()
      const answer = copy.getByRole('status').filter({ hasText: /^PostgreSQL 1\d\.\d+.* answered/ })
      await expect(answer).toContainText('The database is empty.')
      // Tall enough for the whole page: a full-page shot would leave the fixed header mid-way.
      await page.setViewportSize({ width: 1280, height: 1700 })
      await saveScreenshot(page, 'database-page', testInfo)
      await page.setViewportSize({ width: 1280, height: 800 })
    })

    await test.step('the copy runs to the end and lists the rows per table', async () => {
      await copy.getByRole('button', { name: 'Copy', exact: true }).click()
      const progress = copy.getByRole('progressbar', { name: 'Copy progress' })
      await expect(progress).toHaveAttribute('aria-valuenow', '100')
      await expect(copy.getByText('Copy finished and checked')).toBeVisible()
      await expect(copy.getByText(/^All \d+ rows copied and checked$/)).toBeVisible()
      // The test's answer said empty; it is not any more.
      await expect(copy.getByText('The database is empty.')).toHaveCount(0)
      const result = copy.getByRole('table', { name: 'Rows copied per table' })
      await expect(result.getByRole('row', { name: /^accounts 1$/ })).toBeVisible()
      await expect(result.getByRole('row', { name: /^contacts 1$/ })).toBeVisible()
      await copy.getByText('Copy finished and checked').scrollIntoViewIfNeeded()
      await saveScreenshot(page, 'database-copy-result', testInfo)
    })

    // Made after the copy, so it is only in the SQLite file: the list shows where it reads.
    await api.call('accounts:create', {
      username: 'after-copy',
      fullName: 'Only In Sqlite',
      email: 'only@sqlite.example',
      contacts: [{ shortName: 'Only', email: 'only@sqlite.example' }],
    })

    await test.step('connecting switches every list to PostgreSQL', async () => {
      await copy.getByRole('button', { name: 'Connect to this copy…' }).click()
      const connect = page.getByRole('region', { name: 'Connect to another database' })
      await expect(connect.getByLabel('Database name')).toHaveValue(team.database)
      await connect.getByRole('button', { name: 'Connect', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Switch to this database?' })
      await expect(dialog).toContainText(`${team.user}@127.0.0.1:${team.port}/${team.database}`)
      await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
      await expect(dialog).toBeHidden()

      const badge = page.getByRole('banner').getByRole('link', { name: /^Database: PostgreSQL/ })
      await expect(badge).toContainText(team.database)
      const status = page.getByRole('region', { name: 'Open database' })
      await expect(status.getByText('The choice saved here')).toBeVisible()
      await expect(status).toContainText(`${team.user}@127.0.0.1`)
      expect((await api.call('database:status', {})).kind).toBe('postgres')
    })

    await test.step('the account list now comes from the server', async () => {
      const nav = page.getByRole('navigation', { name: 'Main navigation' })
      await nav.getByRole('link', { name: 'Accounts', exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Accounts', level: 2 })).toBeVisible()
      await expectPageReady(page)
      const main = page.getByRole('main')
      await expect(main.getByRole('link', { name: 'jordi', exact: true })).toBeVisible()
      await expect(main.getByRole('link', { name: 'after-copy', exact: true })).toHaveCount(0)
      await saveScreenshot(page, 'database-accounts-after-switch', testInfo)
    })
  })

  test('disables Connect when --database chose the database', async ({ page, dataDir }) => {
    const flagged = await startBridge(dataDir, ['--database', join(dataDir, 'chosen.sqlite')])
    try {
      await page.goto(flagged.server.pageUrl)
      await waitForApp(page)
      await openDatabasePage(page, 'SQLite')
      const status = page.getByRole('region', { name: 'Open database' })
      await expect(status.getByText('The --database flag')).toBeVisible()
      await expect(status.getByText(/chosen with --database/)).toBeVisible()
      const connect = page.getByRole('region', { name: 'Connect to another database' })
      await expect(connect.getByRole('button', { name: 'Connect', exact: true })).toBeDisabled()
      await expect(connect.getByRole('button', { name: 'Test connection' })).toBeEnabled()
    } finally {
      await flagged.stop()
    }
  })

  test('disables Connect and Copy on a database opened for audit', async ({
    api,
    page,
    bridge,
  }) => {
    await api.call('settings:list', {})
    const audit = await startBridge(bridge.dataDir, [
      '--database',
      join(bridge.dataDir, 'orchestra.sqlite'),
      '--read-only',
    ])
    try {
      await page.goto(audit.server.pageUrl)
      await waitForApp(page)
      await openDatabasePage(page, 'SQLite')
      const connect = page.getByRole('region', { name: 'Connect to another database' })
      await expect(connect.getByText(/read-only for audit: Connect is disabled/)).toBeVisible()
      await expect(connect.getByRole('button', { name: 'Connect', exact: true })).toBeDisabled()
      const copy = page.getByRole('region', { name: 'Copy this database into…' })
      await expect(copy.getByRole('button', { name: 'Copy', exact: true })).toBeDisabled()
    } finally {
      await audit.stop()
    }
  })
})
