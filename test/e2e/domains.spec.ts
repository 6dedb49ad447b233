import type { Locator, Page } from '@playwright/test'
import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'

// Domains end to end over the bridge, without a route: the zone is built and checked on this
// machine (named-checkzone) and shown, nothing is sent to a server.

const NAME = 'bäckerei-beispiel.de'
const ASCII = 'xn--bckerei-beispiel-vnb.de'
// Longer than one 255-byte character-string, so the zone must split it.
const DKIM = `v=DKIM1 k=rsa p=${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(7)}`

/** Picks an option of a Mantine Select the way a user does: open it, click the option. */
async function choose(page: Page, select: Locator, option: string) {
  await select.click()
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(select).toHaveValue(option)
}

function record(form: Locator, index: number) {
  return form.getByRole('group', { name: `Record ${index}` })
}

test('an international domain: created, its zone read, a long TXT added, deleted', async ({
  app: page,
  api,
}, testInfo) => {
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  const form = page.getByRole('form', { name: 'New domain' })
  await api.call('accounts:create', {
    username: 'baeckerei',
    fullName: 'Bäckerei Beispiel GmbH',
    email: 'info@baeckerei.example',
    contacts: [{ shortName: 'Anna', email: 'anna@baeckerei.example' }],
  })

  await test.step('starts from an empty domains list and opens the form', async () => {
    await nav.getByRole('link', { name: 'Domains' }).click()
    await expect(main.getByRole('heading', { name: 'Domains', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No domains yet — create the first one')).toBeVisible()
    await main.getByRole('link', { name: 'New domain' }).first().click()
    await expect(form).toBeVisible()
  })

  await test.step('fills in the account, the name and an A and an MX record', async () => {
    const account = form.getByRole('combobox', { name: 'Account' })
    await account.fill('baeck')
    await page.getByRole('option', { name: 'baeckerei', exact: true }).click()
    await expect(account).toHaveValue('baeckerei')
    await form.getByRole('textbox', { name: 'Names' }).fill(NAME)

    await record(form, 1).getByRole('textbox', { name: 'Value' }).fill('192.0.2.10')
    await form.getByRole('button', { name: 'Add record' }).click()
    const mx = record(form, 2)
    await choose(page, mx.getByRole('combobox', { name: 'Type' }), 'MX')
    await expect(mx.getByRole('textbox', { name: 'Value' })).toHaveAttribute(
      'placeholder',
      '10 mail.example.net.',
    )
    await mx.getByRole('textbox', { name: 'Value' }).fill('mail.example.net.')
  })

  await test.step('is told inline that the MX needs a priority, and adds it', async () => {
    await form.getByRole('button', { name: 'Create domains' }).click()
    const value = record(form, 2).getByRole('textbox', { name: 'Value' })
    await expect(value).toHaveAttribute('aria-invalid', 'true')
    await expect(value).toHaveAccessibleDescription(/priority and a host/i)
    await expect(value).toBeFocused()
    await saveScreenshot(page, 'domain-form-inline-error', testInfo)
    expect((await api.call('domains:list', {})).total).toBe(0)

    await value.fill('10 mail.example.net.')
    await form.getByRole('button', { name: 'Create domains' }).click()
    await expect(main.getByRole('heading', { name: NAME, level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, `Domain ${NAME} created`)
    await expect(main.getByText(ASCII, { exact: true })).toBeVisible()
  })

  await test.step('sees the domain listed in Unicode, its xn-- form beneath', async () => {
    await nav.getByRole('link', { name: 'Domains' }).click()
    await expectPageReady(page)
    const row = main.getByRole('row').filter({ hasText: NAME })
    await expect(row).toContainText(ASCII)
    await expect(row).toContainText('baeckerei')
    await expect(row).toContainText('Top domain')
    await expect(row.getByRole('cell').nth(4)).toHaveText('2')
    await saveScreenshot(page, 'domains-list', testInfo)
    await row.getByRole('link', { name: new RegExp(NAME) }).click()
    await expect(main.getByRole('heading', { name: NAME, level: 2 })).toBeVisible()
  })

  await test.step('reads the zone: SOA and both records under the xn-- name', async () => {
    await main.getByRole('tab', { name: 'Zone' }).click()
    const zone = main.getByLabel('Zone text')
    await expect(zone).toContainText(new RegExp(`^${ASCII}\\.\\s+\\S+ IN SOA `, 'm'))
    await expect(zone).toContainText(/IN A\s+192\.0\.2\.10/)
    await expect(zone).toContainText(/IN MX\s+10 mail\.example\.net\./)
    await saveScreenshot(page, 'domain-zone', testInfo)
  })

  await test.step('adds a TXT record longer than 255 characters; the zone splits it', async () => {
    await main.getByRole('link', { name: 'Edit records' }).click()
    const edit = page.getByRole('form', { name: `Edit ${NAME}` })
    await expect(edit).toBeVisible()
    await edit.getByRole('button', { name: 'Add record' }).click()
    const txt = record(edit, 3)
    // Only BIND refuses this one: a CNAME cannot share its name with other records.
    await choose(page, txt.getByRole('combobox', { name: 'Type' }), 'CNAME')
    await txt.getByRole('textbox', { name: 'Value' }).fill('www.example.net.')
    await edit.getByRole('button', { name: 'Save' }).click()
    // BIND finds the CNAME beside the A, the MX and the default NS: it stands under the CNAME.
    const cname = txt.getByRole('textbox', { name: 'Value' })
    await expect(cname).toHaveAttribute('aria-invalid', 'true')
    await expect(cname).toHaveAccessibleDescription(/^CNAME and other data: a CNAME must be/)
    await expect(record(edit, 1).getByRole('textbox', { name: 'Value' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect((await api.call('domains:list', {})).rows[0]!.recordCount).toBe(2)
    await saveScreenshot(page, 'domain-edit-server-error', testInfo)

    await choose(page, txt.getByRole('combobox', { name: 'Type' }), 'TXT')
    await txt.getByRole('textbox', { name: 'Value' }).fill(`"${DKIM}"`)
    await edit.getByRole('button', { name: 'Save' }).click()

    await expect(main.getByRole('heading', { name: NAME, level: 2 })).toBeVisible()
    await expectNotification(page, `Domain ${NAME} saved`)
    await main.getByRole('tab', { name: 'Zone' }).click()
    const split = `"${DKIM.slice(0, 255)}" "${DKIM.slice(255)}"`
    await expect(main.getByLabel('Zone text')).toContainText(split)
  })

  await test.step("finds the domain on its account's page", async () => {
    await main.getByRole('tab', { name: 'Overview' }).click()
    await saveScreenshot(page, 'domain-overview', testInfo)
    await main.getByRole('link', { name: 'baeckerei', exact: true }).click()
    await expect(main.getByRole('heading', { name: 'baeckerei', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'Domains' })
    await section.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'account-domains', testInfo)
    await section.getByRole('link', { name: new RegExp(NAME) }).click()
    await expect(main.getByRole('heading', { name: NAME, level: 2 })).toBeVisible()
    await expectPageReady(page)
  })

  await test.step('deletes the domain after confirming, its subdomain with it', async () => {
    await api.call('domains:create', { name: `www.${NAME}`, records: [] })
    await page.reload()
    await expectPageReady(page)
    const subdomains = main.getByRole('region', { name: 'Subdomains' })
    await expect(subdomains.getByRole('link', { name: `www.${NAME}` })).toBeVisible()

    await main.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: `Delete ${NAME}?` })
    await expect(dialog).toContainText('its records are deleted')
    await expect(dialog).toContainText(`Its subdomain goes with it:www.${NAME}`)
    await saveScreenshot(page, 'domain-delete', testInfo)
    await dialog.getByRole('button', { name: 'Delete domain' }).click()
    await expectNotification(page, `Domain ${NAME} deleted`)
    await expect(main.getByText('No domains yet — create the first one')).toBeVisible()
    expect((await api.call('domains:list', {})).total).toBe(0)
  })
})
