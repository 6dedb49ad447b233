import { expect, expectPageReady, saveScreenshot, test, expectNotification } from './fixtures'
import { useSshServerAndKeychain } from './orchestration-setup'

// VPS, miscellaneous services and an account's services overview, as a new user meets them.
// Proxmox VE cannot run here: the test server gets its config files laid out as Proxmox lays
// them and a stand-in for `pct` that only records its calls.

const sshServer = useSshServerAndKeychain()

const STAND_IN = `#!/bin/bash
# Stand-in for Proxmox VE's pct, which cannot run on the test machine: it records its call.
{ printf 'args'; printf ' [%s]' "$@"; printf '\\n'; } >> /var/log/pct-calls.log
if [ "$1" = exec ]; then cat > /dev/null; fi
`

test('a VPS and a service item on an account, and the overview that shows a failing one', async ({
  app: page,
  api,
}, testInfo) => {
  const ssh = sshServer()
  ssh.exec(`rm -rf /etc/pve /var/log/pct-calls.log && mkdir -p /etc/pve/nodes/pve1/lxc
    ln -s nodes/pve1 /etc/pve/local && mkdir -p /usr/local/sbin
    printf 'hostname: vps1.example.org\\n' > /etc/pve/nodes/pve1/lxc/101.conf
    cat > /usr/local/sbin/pct <<'EOF'\n${STAND_IN}EOF\nchmod 755 /usr/local/sbin/pct`)
  const key = await api.call('keys:import', { label: 'pve1', privateKey: ssh.clientKey.privateKey })
  const server = await api.call('servers:create', {
    name: 'pve1',
    address: ssh.address,
    sshPort: ssh.port,
    keyId: key.id,
  })
  const scan = await api.call('servers:scanHostKey', { id: server.id })
  await api.call('servers:acceptHostKey', { id: server.id, fingerprint: scan.fingerprint })
  await api.call('routes:create', { backend: 'proxmox-container', serverId: server.id, match: '' })
  const { account } = await api.call('accounts:create', {
    username: 'joe',
    fullName: 'Joe Ferrer',
    email: 'joe@example.net',
    contacts: [{ shortName: 'Joe', email: 'joe@example.net' }],
  })
  const main = page.getByRole('main')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })

  await test.step('records a VPS after an inline error on a refused hostname', async () => {
    await nav.getByRole('link', { name: 'VPS' }).click()
    await expect(main.getByRole('heading', { name: 'VPS', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByText('No VPS yet')).toBeVisible()
    await main.getByRole('link', { name: 'New VPS' }).click()
    const form = page.getByRole('form', { name: 'New VPS' })
    const crumb = main.getByRole('link', { name: 'VPS', exact: true })
    await expect(crumb).toHaveAttribute('href', '#/services/vps')
    await form.getByRole('combobox', { name: 'Account' }).fill('jo')
    await page.getByRole('option', { name: 'joe', exact: true }).click()
    const hostname = form.getByRole('textbox', { name: 'Hostname' })
    await hostname.fill('-vps.example.org')
    await form.getByRole('button', { name: 'Create VPS' }).click()
    await expect(hostname).toHaveAttribute('aria-invalid', 'true')
    await saveScreenshot(page, 'vps-form-inline-error', testInfo)
    await hostname.fill('VPS1.example.org')
    await form.getByLabel('Root password', { exact: true }).fill("it's $(a secret)")
    await form.getByRole('button', { name: 'Create VPS' }).click()
    await expect(main.getByRole('heading', { name: 'vps1.example.org', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expectNotification(page, 'VPS vps1.example.org recorded')
    await expect(main.getByText('LXC').first()).toBeVisible()
    await expect(main.getByText('Set', { exact: true })).toBeVisible()
    await saveScreenshot(page, 'vps-page', testInfo)
  })

  await test.step('its container was set on the node, the password only on stdin', async () => {
    const calls = ssh.exec('cat /var/log/pct-calls.log')
    expect(calls).toBe('args [set] [101] [--onboot] [1]\nargs [exec] [101] [--] [chpasswd] [-e]\n')
    await main.getByRole('tab', { name: 'Backend logs' }).click()
    await expect(main.getByText('SUCCESS').first()).toBeVisible()
  })

  await test.step('a second VPS whose container the node lacks fails there', async () => {
    await api.call('vps:create', { accountId: account.id, hostname: 'missing.example.org' })
    await nav.getByRole('link', { name: 'VPS' }).click()
    await expect(main.getByRole('heading', { name: 'VPS', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByRole('row').filter({ hasText: 'missing.example.org' })).toBeVisible()
    await saveScreenshot(page, 'vps-list', testInfo)
  })

  await test.step('defines a kind of service and gives joe an item of it', async () => {
    await nav.getByRole('link', { name: 'Other services' }).click()
    await expect(
      main.getByRole('heading', { name: 'Miscellaneous services', level: 2 }),
    ).toBeVisible()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'Kinds of service' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New kind' }).click()
    const kind = page.getByRole('form', { name: 'New kind of service' })
    await kind.getByRole('textbox', { name: 'Name' }).fill('registration')
    await kind.getByRole('textbox', { name: 'Shown as' }).fill('Domain registration')
    await kind.getByRole('button', { name: 'Create kind' }).click()
    await expectNotification(page, 'registration created')
    await expect(main.getByRole('row').filter({ hasText: 'Domain registration' })).toBeVisible()
    await saveScreenshot(page, 'misc-kinds', testInfo)

    await nav.getByRole('link', { name: 'Other services' }).click()
    await expectPageReady(page)
    await main.getByRole('link', { name: 'New service item' }).click()
    const item = page.getByRole('form', { name: 'New service item' })
    await item.getByRole('combobox', { name: 'Service' }).click()
    await page.getByRole('option', { name: 'Domain registration' }).click()
    await item.getByRole('combobox', { name: 'Account' }).fill('jo')
    await page.getByRole('option', { name: 'joe', exact: true }).click()
    await item.getByRole('textbox', { name: 'Identifier' }).fill('  Example.ORG ')
    await item.getByRole('button', { name: 'Create item' }).click()
    await expect(main.getByRole('heading', { name: 'example.org', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await saveScreenshot(page, 'misc-item-page', testInfo)
  })

  await test.step("the account's overview shows each service with its state", async () => {
    await page.goto(`/#/accounts/${account.id}`)
    await expect(main.getByRole('heading', { name: 'joe', level: 2 })).toBeVisible()
    await expectPageReady(page)
    const section = main.getByRole('region', { name: 'VPS and other services' })
    await expect(section.getByRole('link', { name: 'vps1.example.org' })).toBeVisible()
    await expect(section.getByRole('link', { name: 'example.org', exact: true })).toBeVisible()
    await section.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'account-other-services', testInfo)
    await expect(main.getByText('1 service failed on a server in its latest run.')).toBeVisible()
    await main.getByRole('link', { name: 'Show the services overview' }).click()
    const overview = main.getByRole('region', { name: 'Services overview' })
    const vps = overview.getByRole('region', { name: 'VPS' })
    const failing = vps.getByRole('row').filter({ hasText: 'missing.example.org' })
    await expect(failing).toContainText('Failing')
    await expect(failing).toContainText('proxmox-container on pve1: FAILURE')
    await expect(vps.getByRole('row').filter({ hasText: 'vps1.example.org' })).toContainText(
      'Active',
    )
    const other = overview.getByRole('region', { name: 'Other services' })
    await expect(other.getByRole('row').filter({ hasText: 'example.org' })).toContainText('Active')
    await expect(overview.getByRole('region', { name: 'System users' })).toContainText('joe-cgi')
    await saveScreenshot(page, 'account-services-overview', testInfo, { fullPage: true })
    await failing.getByRole('link', { name: 'Backend logs of missing.example.org' }).click()
    await expectPageReady(page)
    await expect(main.getByRole('row').filter({ hasText: 'FAILURE' })).toBeVisible()
    await expect(main.getByRole('row').filter({ hasText: 'SUCCESS' })).toHaveCount(0)
  })

  await test.step('deleting a VPS forgets it and leaves the container alone', async () => {
    const { rows } = await api.call('vps:list', { q: 'missing' })
    await page.goto(`/#/services/vps/${rows[0]!.id}`)
    await expectPageReady(page)
    await main.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await expectNotification(page, 'VPS missing.example.org deleted')
    await expect(main.getByRole('heading', { name: 'VPS', level: 2 })).toBeVisible()
    await expectPageReady(page)
    await expect(main.getByRole('row').filter({ hasText: 'missing.example.org' })).toHaveCount(0)
    expect((await api.call('vps:list', {})).total).toBe(1)
  })
})
