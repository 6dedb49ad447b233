import type { Locator, Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'

// Bulk actions on the domains list: SOA timers on a selection of top domains (a subdomain in
// the selection is named and stops the action), then a delete whose dialog counts what goes.

async function select(main: Locator, name: string) {
  await main.getByRole('checkbox', { name: `Select ${name}` }).check()
}

async function timer(page: Page, label: string, mode: 'Keep' | 'Set' | 'Default', value = '') {
  const group = page.getByRole('dialog').getByRole('group', { name: label })
  await group.getByText(mode, { exact: true }).click()
  await expect(group.getByRole('radio', { name: mode })).toBeChecked()
  if (value) await group.getByRole('textbox', { name: `New ${label}` }).fill(value)
}

test('an operator sets SOA timers on two zones and deletes them with their subdomain', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const { account } = await api.call('accounts:create', {
    username: 'zones',
    fullName: 'Zones Ltd',
    email: 'ops@zones.example',
    contacts: [{ shortName: 'Ops', email: 'ops@zones.example' }],
  })
  for (const name of ['example.org', 'example.net']) {
    await api.call('domains:create', { name, accountId: account.id })
  }
  await api.call('domains:create', {
    name: 'www.example.org',
    records: [{ type: 'A', value: '192.0.2.80' }],
  })
  const bar = page.getByRole('group', { name: 'Bulk actions' })

  await test.step('is told a subdomain in the selection has no SOA timers', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', {
        name: 'Domains',
      })
      .click()
    await expectPageReady(page)
    await select(main, 'example.org')
    await select(main, 'www.example.org')
    await expect(bar).toContainText('2 domains selected')
    await bar.getByRole('button', { name: 'Set SOA…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Set SOA timers' })
    await expect(dialog).toContainText(
      'Take these subdomains out of the selection: www.example.org',
    )
    await expect(dialog.getByRole('button', { name: 'Set on 2 zones' })).toBeDisabled()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await main.getByRole('checkbox', { name: 'Select www.example.org' }).uncheck()
  })

  await test.step('sets refresh, resets retry and keeps the rest on both zones', async () => {
    await select(main, 'example.net')
    await bar.getByRole('button', { name: 'Set SOA…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Set SOA timers' })
    await timer(page, 'Refresh', 'Set', '1H')
    await timer(page, 'Retry', 'Default')
    await dialog.getByRole('button', { name: 'Set on 2 zones' }).click()
    const refresh = dialog.getByRole('textbox', { name: 'New Refresh' })
    await expect(refresh).toHaveAttribute('aria-invalid', 'true')
    await expect(refresh).toHaveAccessibleDescription(/number of seconds/)
    await refresh.fill('2d')
    await expect(refresh).not.toHaveAttribute('aria-invalid', 'true')
    await saveScreenshot(page, 'domains-bulk-soa', testInfo)
    await dialog.getByRole('button', { name: 'Set on 2 zones' }).click()
    await expectNotification(page, 'SOA timers changed on 2 zones')
    await expect(dialog).toBeHidden()
    const rows = (await api.call('domains:list', { topOnly: true })).rows
    expect(rows.map((row) => [row.name, row.refresh, row.retry])).toEqual([
      ['example.net', '2d', ''],
      ['example.org', '2d', ''],
    ])
  })

  await test.step('edits the records of a zone and its subdomain on one page', async () => {
    await select(main, 'example.org')
    await bar.getByRole('button', { name: 'Edit records…' }).click()
    const form = page.getByRole('form', { name: 'Edit records' })
    const top = form.getByRole('region', { name: 'example.org', exact: true })
    const www = form.getByRole('region', { name: 'www.example.org' })
    await expect(www).toContainText('Subdomain in the zone of example.org')
    await expect(
      www.getByRole('group', { name: 'Record 1' }).getByRole('textbox', { name: 'Value' }),
    ).toHaveValue('192.0.2.80')

    await www.getByRole('button', { name: 'Add record' }).click()
    const cname = www.getByRole('group', { name: 'Record 2' })
    await cname.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'CNAME', exact: true }).click()
    await cname.getByRole('textbox', { name: 'Value' }).fill('edge.example.net.')
    await top.getByRole('button', { name: 'Add record' }).click()
    const txt = top.getByRole('group', { name: 'Record 1' })
    await txt.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'TXT', exact: true }).click()
    await txt.getByRole('textbox', { name: 'Value' }).fill('"v=spf1 mx -all"')
    await form.getByRole('button', { name: 'Save' }).click()
    const value = cname.getByRole('textbox', { name: 'Value' })
    await expect(value).toHaveAttribute('aria-invalid', 'true')
    await expect(value).toHaveAccessibleDescription(/^CNAME and other data/)
    await saveScreenshot(page, 'domains-bulk-records-error', testInfo)

    await cname.getByRole('button', { name: 'Remove record 2' }).click()
    await form.getByRole('button', { name: 'Save' }).click()
    await expectNotification(page, 'Records saved on 1 domain')
    await expectPageReady(page)
    const zone = (await api.call('domains:list', { q: 'example.org', topOnly: true })).rows[0]!
    const detail = await api.call('domains:get', { id: zone.id })
    expect(detail.records).toEqual([{ type: 'TXT', value: '"v=spf1 mx -all"', ttl: '' }])
  })

  await test.step('deletes both zones after a dialog naming the subdomain that goes', async () => {
    await expectPageReady(page)
    await select(main, 'example.org')
    await select(main, 'example.net')
    await bar.getByRole('button', { name: 'Delete…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete these 2 domains?' })
    await expect(dialog).toContainText('example.orgDeleted with it: 2 records')
    await expect(dialog).toContainText('Its subdomain goes with it:www.example.org')
    await expect(dialog).toContainText('example.netDeleted with it: 0 records')
    await saveScreenshot(page, 'domains-bulk-delete', testInfo)
    await dialog.getByRole('button', { name: 'Delete domains' }).click()
    await expectNotification(page, '3 domains deleted')
    await expect(main.getByText('No domains yet — create the first one')).toBeVisible()
    expect((await api.call('domains:list', {})).total).toBe(0)
  })
})
