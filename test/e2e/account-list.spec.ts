import { expect, expectPageReady, saveScreenshot, seedDemoData, test } from './fixtures'

// The list asks the core for one page at a time: every expectation here is checked against
// what the API answers for the same query.

test('the accounts list pages, searches, filters and sorts on the server', async ({
  app: page,
  api,
  bridge,
}, testInfo) => {
  await seedDemoData(bridge, 30)
  const main = page.getByRole('main')
  const summary = main.getByText(/^\d+–\d+ of \d+$/)
  const rows = main.getByRole('row')

  await test.step('shows the first page of 25', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Accounts' })
      .click()
    await expect(main.getByRole('heading', { name: 'Accounts', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(summary).toHaveText('1–25 of 30')
    await expect(rows).toHaveCount(26)
    await saveScreenshot(page, 'account-list-populated', testInfo)
  })

  await test.step('goes to the second page', async () => {
    await main.getByRole('button', { name: '2', exact: true }).click()
    await expect(summary).toHaveText('26–30 of 30')
    await expect(rows).toHaveCount(6)
  })

  await test.step('searches by name', async () => {
    // A word of one account's full name, taken from the data the generator made.
    const all = await api.call('accounts:list', { pageSize: 100 })
    const word = all.rows[7]!.fullName.split(' ').at(-1)!
    const expected = await api.call('accounts:list', { q: word })
    expect(expected.total).toBeGreaterThan(0)
    expect(expected.total).toBeLessThan(30)
    await main.getByRole('searchbox', { name: 'Search accounts' }).fill(word)

    await expect(summary).toHaveText(`1–${expected.total} of ${expected.total}`)
    await expect(rows).toHaveCount(expected.total + 1)
    for (const account of expected.rows) {
      await expect(main.getByRole('link', { name: account.username, exact: true })).toBeVisible()
    }
  })

  await test.step('filters by type', async () => {
    await main.getByRole('searchbox', { name: 'Search accounts' }).fill('')
    // TODO(#2): picking the filter before the cleared search has applied (300 ms) can bring the
    // old search back (see use-list-params); a user sees the list return first, so wait for it.
    await expect(summary).toHaveText('1–25 of 30')
    await main.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Company', exact: true }).click()

    const expected = await api.call('accounts:list', { type: 'COMPANY' })
    await expect(summary).toHaveText(`1–${expected.total} of ${expected.total}`)
    await expect(main.getByRole('cell', { name: 'Company', exact: true })).toHaveCount(
      expected.total,
    )
  })

  await test.step('sorts by full name, both ways', async () => {
    // Choosing the selected type again clears the filter (the clear button is aria-hidden).
    await main.getByRole('combobox', { name: 'Type' }).click()
    await page.getByRole('option', { name: 'Company', exact: true }).click()
    await expect(summary).toHaveText('1–25 of 30')
    const ascending = await api.call('accounts:list', { sort: 'fullName', dir: 'asc' })
    const descending = await api.call('accounts:list', { sort: 'fullName', dir: 'desc' })
    const firstRow = rows.nth(1)

    const header = main.getByRole('columnheader', { name: 'Full name' })
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect(firstRow).toContainText(ascending.rows[0]!.username)
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(firstRow).toContainText(descending.rows[0]!.username)
  })
})
