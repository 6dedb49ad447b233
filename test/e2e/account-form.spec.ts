import { expect, expectPageReady, test } from './fixtures'

test.describe('account form', () => {
  test('shows a username clash that only the core can see under the Username field', async ({
    app: page,
    api,
  }) => {
    await api.call('accounts:create', {
      username: 'jordi',
      fullName: 'Jordi Vidal',
      email: 'jordi@vidal.example',
      contacts: [{ shortName: 'Jordi', email: 'jordi@vidal.example' }],
    })
    await page.goto('/#/accounts/new')
    const form = page.getByRole('form', { name: 'New account' })
    await expect(form).toBeVisible()
    await expectPageReady(page)

    await form.getByRole('textbox', { name: 'Username', exact: true }).fill('jordi')
    await form.getByRole('textbox', { name: 'Full name', exact: true }).fill('Jordi Puig')
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('jordi@puig.example')
    const contact = form.getByRole('group', { name: 'Contact 1' })
    await contact.getByRole('textbox', { name: 'Contact short name' }).fill('Jordi')
    await contact.getByRole('textbox', { name: 'Contact email' }).fill('jordi@puig.example')
    await form.getByRole('button', { name: 'Create account' }).click()

    const username = form.getByRole('textbox', { name: 'Username', exact: true })
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    await expect(username).toHaveAccessibleDescription(/already taken/i)
    // The keyboard (and the view) moves to it, however far down the form the button was.
    await expect(username).toBeFocused()
    await expect(page).toHaveURL(/#\/accounts\/new$/)
    expect((await api.call('accounts:list', {})).total).toBe(1)
  })
})
